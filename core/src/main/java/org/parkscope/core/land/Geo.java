package org.parkscope.core.land;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Measures geometries given in WGS84 longitude/latitude degrees (GeoJSON order) in metres. A geometry is projected onto
 * the plane tangent to the WGS84 ellipsoid at its envelope's centre, with the meridional and prime-vertical radii of
 * curvature at that latitude; for parcels and parks (a few kilometres at most) the area error is far below 0.01 %.
 */
public final class Geo {

    private static final double A = 6_378_137.0; // WGS84 semi-major axis, m
    private static final double E2 = 6.694379990141317e-3; // WGS84 first eccentricity squared

    private Geo() {}

    /** The local projection centred on a point: x east, y north, in metres. */
    public record Projection(double lon0, double lat0, double metresPerDegLon, double metresPerDegLat) {

        public static Projection at(double lon0, double lat0) {
            double phi = Math.toRadians(lat0);
            double s = Math.sin(phi);
            double w = Math.sqrt(1 - E2 * s * s);
            double n = A / w; // prime vertical radius
            double m = A * (1 - E2) / (w * w * w); // meridional radius
            return new Projection(lon0, lat0, Math.toRadians(1) * n * Math.cos(phi), Math.toRadians(1) * m);
        }

        public static Projection centredOn(Geometry lonLat) {
            Envelope e = lonLat.getEnvelopeInternal();
            return at(e.centre().x, e.centre().y);
        }

        /** A projected copy of the geometry (metres). */
        public Geometry project(Geometry lonLat) {
            Geometry g = lonLat.copy();
            g.apply((CoordinateFilter) c -> {
                c.x = (c.x - lon0) * metresPerDegLon;
                c.y = (c.y - lat0) * metresPerDegLat;
            });
            g.geometryChanged();
            return g;
        }

        public Coordinate unproject(double x, double y) {
            return new Coordinate(lon0 + x / metresPerDegLon, lat0 + y / metresPerDegLat);
        }
    }

    /** The area of a polygonal lon/lat geometry in m². */
    public static double areaM2(Geometry lonLat) {
        return Projection.centredOn(lonLat).project(lonLat).getArea();
    }

    /** The distance between two lon/lat points in metres (local projection at their midpoint). */
    public static double distanceM(Coordinate a, Coordinate b) {
        Projection p = Projection.at((a.x + b.x) / 2, (a.y + b.y) / 2);
        double dx = (a.x - b.x) * p.metresPerDegLon();
        double dy = (a.y - b.y) * p.metresPerDegLat();
        return Math.hypot(dx, dy);
    }
}
