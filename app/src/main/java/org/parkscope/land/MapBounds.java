package org.parkscope.land;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.validate.Violation;
import org.parkscope.shared.InvalidInput;
import tools.jackson.databind.JsonNode;

/**
 * The part of the map a client shows ({@code /api/map?bbox=west,south,east,north}, degrees): the layers sent are
 * those features whose extent touches it.
 */
record MapBounds(double west, double south, double east, double north) {

    /** The bounds a {@code bbox} parameter names, null when it is absent; anything else than four ordered numbers is refused. */
    static @Nullable MapBounds parse(@Nullable String bbox) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        String[] parts = bbox.split(",");
        try {
            if (parts.length == 4) {
                MapBounds b = new MapBounds(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                        Double.parseDouble(parts[2].strip()), Double.parseDouble(parts[3].strip()));
                if (b.west() <= b.east() && b.south() <= b.north() && b.west() >= -180 && b.east() <= 180
                        && b.south() >= -90 && b.north() <= 90) {
                    return b;
                }
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInput(List.of(new InvalidInput.Field("bbox", new Violation("limit.bbox", List.of()))));
    }

    /** A stable text for cache keys and tags. */
    String key() {
        return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", west, south, east, north);
    }

    boolean touches(double[] extent) {
        return extent[0] <= east && extent[2] >= west && extent[1] <= north && extent[3] >= south;
    }

    boolean contains(double lon, double lat) {
        return lon >= west && lon <= east && lat >= south && lat <= north;
    }

    /** The extent (west, south, east, north) of a GeoJSON geometry's coordinates. */
    static double[] extent(JsonNode geometry) {
        double[] e = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        widen(geometry.path("coordinates"), e);
        return e;
    }

    private static void widen(JsonNode coords, double[] e) {
        if (coords.isArray() && coords.size() >= 2 && coords.get(0).isNumber()) {
            double x = coords.get(0).asDouble();
            double y = coords.get(1).asDouble();
            e[0] = Math.min(e[0], x);
            e[1] = Math.min(e[1], y);
            e[2] = Math.max(e[2], x);
            e[3] = Math.max(e[3], y);
        } else {
            coords.forEach(c -> widen(c, e));
        }
    }
}
