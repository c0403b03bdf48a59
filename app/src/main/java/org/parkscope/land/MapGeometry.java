package org.parkscope.land;

import org.parkscope.core.land.Simplify;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Applies {@link Simplify} to the rings of a GeoJSON Polygon or MultiPolygon (other geometries pass unchanged). */
final class MapGeometry {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MapGeometry() {}

    static JsonNode simplify(JsonNode geometry, double toleranceM) {
        String type = geometry.path("type").asString("");
        JsonNode coords = geometry.get("coordinates");
        if (coords == null || !(type.equals("Polygon") || type.equals("MultiPolygon"))) {
            return geometry;
        }
        ObjectNode out = NODES.objectNode();
        out.put("type", type);
        if (type.equals("Polygon")) {
            out.set("coordinates", polygon(coords, toleranceM));
        } else {
            ArrayNode polygons = NODES.arrayNode();
            coords.forEach(p -> polygons.add(polygon(p, toleranceM)));
            out.set("coordinates", polygons);
        }
        return out;
    }

    private static ArrayNode polygon(JsonNode rings, double toleranceM) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode ring : rings) {
            double[][] points = new double[ring.size()][];
            for (int i = 0; i < points.length; i++) {
                points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            ArrayNode r = NODES.arrayNode();
            for (double[] p : Simplify.ring(points, toleranceM)) {
                r.add(NODES.arrayNode().add(p[0]).add(p[1]));
            }
            out.add(r);
        }
        return out;
    }
}
