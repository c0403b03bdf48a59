/**
 * Land and space: areas of lon/lat polygons in m², overlaps and point-in-polygon through a spatial index, the parcel
 * checks, low-efficiency criteria, land-contract obligations and the before/after effect of a revitalisation.
 * Plain Java with JTS; no I/O.
 */
package org.parkscope.core.land;
