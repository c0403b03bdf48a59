/**
 * Validators and reference tables for the codes Parkscope keys its data on: the unified social credit code, GB/T 4754
 * industry codes, administrative division codes and the SEI 2018 categories. Validators report findings as
 * {@link org.parkscope.core.code.CheckResult} instead of throwing, so imports can show every problem at once.
 */
package org.parkscope.core.code;
