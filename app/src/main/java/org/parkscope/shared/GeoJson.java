package org.parkscope.shared;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Minimal GeoJSON: read polygons (geometry, feature or feature collection), write polygons and multipolygons. */
public final class GeoJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private GeoJson() {}

    /** The first feature's geometry of a FeatureCollection, which must be a Polygon. */
    public static Geometry readFirstPolygon(String featureCollection, GeometryFactory gf) {
        JsonNode geometry = MAPPER.readTree(featureCollection).path("features").path(0).path("geometry");
        if (!"Polygon".equals(geometry.path("type").asString())) {
            throw new IllegalArgumentException("Expected a Polygon, found " + geometry.path("type"));
        }
        return polygon(geometry.path("coordinates"), gf);
    }

    /**
     * Reads a GeoJSON Polygon or MultiPolygon, given as a geometry, a Feature or a FeatureCollection (its first
     * feature).
     *
     * @throws IllegalArgumentException when the text is not such GeoJSON
     */
    public static Geometry readPolygonal(String json, GeometryFactory gf) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if ("FeatureCollection".equals(node.path("type").asString())) {
            node = node.path("features").path(0);
        }
        if ("Feature".equals(node.path("type").asString())) {
            node = node.path("geometry");
        }
        String type = node.path("type").asString();
        if ("Polygon".equals(type)) {
            return polygon(node.path("coordinates"), gf);
        }
        if ("MultiPolygon".equals(type)) {
            JsonNode polys = node.path("coordinates");
            Polygon[] out = new Polygon[polys.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = polygon(polys.path(i), gf);
            }
            return gf.createMultiPolygon(out);
        }
        throw new IllegalArgumentException("not a Polygon or MultiPolygon: " + type);
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory gf) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs coordinates");
        }
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
            if (!points.path(i).path(0).isNumber() || !points.path(i).path(1).isNumber()) {
                throw new IllegalArgumentException("coordinates must be numbers");
            }
            c[i] = new Coordinate(points.path(i).path(0).asDouble(), points.path(i).path(1).asDouble());
        }
        return gf.createLinearRing(c);
    }

    /** Writes a polygon or multipolygon as a GeoJSON geometry object. */
    public static String write(Geometry g) {
        if (g instanceof Polygon polygon) {
            StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":");
            appendPolygon(sb, polygon);
            return sb.append('}').toString();
        }
        if (g instanceof MultiPolygon multi) {
            StringBuilder sb = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendPolygon(sb, (Polygon) multi.getGeometryN(i));
            }
            return sb.append("]}").toString();
        }
        throw new IllegalArgumentException("Only polygons are written, not " + g.getGeometryType());
    }

    private static void appendPolygon(StringBuilder sb, Polygon polygon) {
        sb.append('[');
        appendRing(sb, polygon.getExteriorRing().getCoordinates());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            sb.append(',');
            appendRing(sb, polygon.getInteriorRingN(i).getCoordinates());
        }
        sb.append(']');
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
