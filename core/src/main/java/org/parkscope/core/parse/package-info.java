/**
 * Reading values as people type them into spreadsheets: full-width characters, thousands separators, units in the
 * header, Excel date serials. Every parser answers with a {@link org.parkscope.core.code.CheckResult} whose problems
 * carry Chinese and English messages.
 */
package org.parkscope.core.parse;
