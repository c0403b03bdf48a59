/** Physical quantities with exact conversions; areas are held in m² and shown in 亩 or 公顷 only at the edges. */
package org.parkscope.core.unit;
