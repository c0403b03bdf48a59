/**
 * The platform's domain limits in one table ({@link org.parkscope.core.validate.Limits}): how long a text, how large
 * and how precise a number, which dates are plausible. Forms and imports check user values against the same table.
 */
package org.parkscope.core.validate;
