package org.parkscope.core.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class GeoTest {

    static final GeometryFactory GF = new GeometryFactory();

    static Geometry box(double lon, double lat, double dLon, double dLat) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + dLon, lat),
            new Coordinate(lon + dLon, lat + dLat), new Coordinate(lon, lat + dLat), new Coordinate(lon, lat)});
    }

    /** Area of a lon/lat box on the authalic sphere, from the exact spherical-zone formula: an independent reference. */
    static double sphericalBoxArea(double lon, double lat, double dLon, double dLat) {
        double r = 6_371_007.181; // WGS84 authalic radius
        return r * r * Math.toRadians(dLon) * (Math.sin(Math.toRadians(lat + dLat)) - Math.sin(Math.toRadians(lat)));
    }

    @Test
    void areaOfAParcelSizedBoxMatchesTheSphericalFormula() {
        for (double[] b : new double[][] {{121.27, 31.10, 0.004, 0.003}, {121.0, 31.0, 0.02, 0.01}, {87.6, 43.8, 0.01, 0.01}}) {
            double ours = Geo.areaM2(box(b[0], b[1], b[2], b[3]));
            double reference = sphericalBoxArea(b[0], b[1], b[2], b[3]);
            // The sphere and the ellipsoid differ by up to ~0.3 % at these latitudes; the projection itself adds nothing.
            assertThat(ours / reference).isCloseTo(1.0, within(0.004));
        }
    }

    @Test
    void projectionRoundTripsAndMeasuresDistances() {
        Geo.Projection p = Geo.Projection.at(121.27, 31.1);
        Coordinate back = p.unproject(1000 * p.metresPerDegLon() / p.metresPerDegLon(), 0);
        assertThat(back.y).isEqualTo(31.1);
        // One degree of latitude near 31° N is about 110.9 km on WGS84.
        assertThat(p.metresPerDegLat()).isCloseTo(110_880, within(60.0));
        assertThat(Geo.distanceM(new Coordinate(121.27, 31.1), new Coordinate(121.27, 31.11)))
                .isCloseTo(1108.8, within(1.0));
    }

    @Test
    void indexFindsContainingShapesAndRealOverlapsOnly() {
        Geometry a = box(121.0, 31.0, 0.01, 0.01);
        Geometry adjacent = box(121.01, 31.0, 0.01, 0.01); // shares an edge with a
        Geometry overlapping = box(121.005, 31.005, 0.01, 0.01); // a quarter of a
        SpatialIndex index = new SpatialIndex(List.of(new SpatialIndex.Shape(1, a),
                new SpatialIndex.Shape(2, adjacent), new SpatialIndex.Shape(3, overlapping)));
        assertThat(index.containing(121.002, 31.002)).containsExactly(1L);
        assertThat(index.containing(121.007, 31.007)).containsExactly(1L, 3L);
        assertThat(index.containing(122.0, 31.0)).isEmpty();
        List<SpatialIndex.Overlap> overlaps = index.overlaps(1.0);
        assertThat(overlaps).extracting(SpatialIndex.Overlap::a, SpatialIndex.Overlap::b)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 3L), org.assertj.core.groups.Tuple.tuple(2L, 3L));
        assertThat(overlaps.get(0).areaM2()).isCloseTo(Geo.areaM2(a) / 4, within(Geo.areaM2(a) * 0.001));
    }
}
