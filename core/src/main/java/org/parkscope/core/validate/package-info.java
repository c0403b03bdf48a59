/**
 * The one table of input limits (sizes, lengths, magnitudes, precision, dates) that every way data comes in — imports,
 * forms — checks against, so a value the database cannot hold is refused with a message instead of failing a write.
 */
package org.parkscope.core.validate;
