package org.parkscope.demo;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Minimal GeoJSON for the demo: read a feature collection's first polygon, write polygons. */
final class GeoJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private GeoJson() {}

    static Geometry readFirstPolygon(String featureCollection, GeometryFactory gf) {
        JsonNode geometry = MAPPER.readTree(featureCollection).path("features").path(0).path("geometry");
        if (!"Polygon".equals(geometry.path("type").asString())) {
            throw new IllegalArgumentException("Expected a Polygon, found " + geometry.path("type"));
        }
        JsonNode rings = geometry.path("coordinates");
        LinearRing shell = ring(rings.path(0), gf);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.path(i), gf);
        }
        return gf.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points, GeometryFactory gf) {
        Coordinate[] c = new Coordinate[points.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(points.path(i).path(0).asDouble(), points.path(i).path(1).asDouble());
        }
        return gf.createLinearRing(c);
    }

    /** Writes a polygon as a GeoJSON geometry object. */
    static String write(Geometry g) {
        if (!(g instanceof Polygon polygon)) {
            throw new IllegalArgumentException("Only polygons are written, not " + g.getGeometryType());
        }
        StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[");
        appendRing(sb, polygon.getExteriorRing().getCoordinates());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            sb.append(',');
            appendRing(sb, polygon.getInteriorRingN(i).getCoordinates());
        }
        return sb.append("]}").toString();
    }

    private static void appendRing(StringBuilder sb, Coordinate[] coords) {
        sb.append('[');
        for (int i = 0; i < coords.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "[%.6f,%.6f]", coords[i].x, coords[i].y));
        }
        sb.append(']');
    }
}
