package org.parkscope.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.parkscope.core.code.DivisionCodes;
import org.parkscope.core.code.Town;
import org.parkscope.core.code.TownKind;
import org.parkscope.demo.DemoTown.Site;
import org.parkscope.shared.GeoJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the towns of a generation lie. The demo town is 泗泾镇 at its fixed place; a district or city adds real
 * Shanghai towns (codes and names from the bundled division table), 松江区's first, then those of the large outer
 * districts, each at a free place of the town grid inside its district's real outline. Their parks are invented.
 */
final class DemoSites {

    static final double DEMO_LON = 121.272;
    static final double DEMO_LAT = 31.100;
    private static final String SONGJIANG = "310117";
    /** Counties whose towns a city takes, in this order (the large outer districts have room for park grids). */
    private static final List<String> COUNTIES = List.of(SONGJIANG, "310115", "310114", "310118", "310120", "310116",
            "310113", "310112");
    private static final Map<String, String> ABBREVIATIONS = Map.of(SONGJIANG, "松", "310115", "浦", "310114", "嘉",
            "310118", "青", "310120", "奉", "310116", "金", "310113", "宝", "310112", "闵");
    /** Park cells of a further town (metres): the demo's parks, packed a little closer than in 泗泾镇. */
    private static final double CELL_W = 700, CELL_H = 620, MARGIN = 400;

    private DemoSites() {}

    /** The county's one-character abbreviation used in certificate and contract numbers (沪(2019)松字…). */
    static String abbreviation(String countyCode) {
        return ABBREVIATIONS.getOrDefault(countyCode, "沪");
    }

    static Site demo(GeometryFactory gf) {
        return new Site(0, DemoTownGenerator.TOWN_CODE, "泗泾镇", SONGJIANG, "松江区", DemoParks.songjiangOutline(gf),
                DEMO_LON, DEMO_LAT, DemoTownGenerator.SEED, 880, 760);
    }

    /** The demo town and {@code towns - 1} further ones, each with its county outline and a free place in it. */
    static List<Site> of(int towns, GeometryFactory gf) {
        List<Site> sites = new ArrayList<>();
        Site demo = demo(gf);
        sites.add(demo);
        List<Envelope> taken = new ArrayList<>();
        taken.add(block(demo.centreLon(), demo.centreLat(), 880, 760));
        Map<String, Geometry> outlines = countyOutlines(gf);
        outlines.put(SONGJIANG, demo.outline());
        DivisionCodes divisions = DivisionCodes.load();
        Random rnd = new Random(DemoTownGenerator.SEED + 2);
        for (String county : COUNTIES) {
            if (sites.size() >= towns) {
                break;
            }
            List<Town> candidates = divisions.townsOf(county).stream().filter(t -> t.kind() != TownKind.SPECIAL_ZONE)
                    .filter(t -> !t.code12().equals(demo.code12())).toList();
            List<double[]> places = freePlaces(outlines.get(county), taken);
            Collections.shuffle(places, rnd);
            for (int i = 0; i < Math.min(candidates.size(), places.size()) && sites.size() < towns; i++) {
                Town t = candidates.get(i);
                double[] c = places.get(i);
                taken.add(block(c[0], c[1], CELL_W, CELL_H));
                sites.add(new Site(sites.size(), t.code12(), t.name(), county, t.countyName(), outlines.get(county), c[0],
                        c[1], DemoTownGenerator.SEED + 7919L * sites.size(), CELL_W, CELL_H));
            }
        }
        if (sites.size() < towns) {
            throw new IllegalArgumentException("The demo city has room for " + sites.size() + " towns, not " + towns);
        }
        return sites;
    }

    /** Centres (lon, lat) of a regular grid of town blocks inside the outline, clear of the blocks already taken. */
    private static List<double[]> freePlaces(Geometry outline, List<Envelope> taken) {
        Envelope env = outline.getEnvelopeInternal();
        double[] m = DemoTown.metresPerDegree(env.centre().y);
        double[] half = DemoParks.halfExtent(CELL_W, CELL_H);
        double stepLon = (2 * half[0] + MARGIN) / m[0], stepLat = (2 * half[1] + MARGIN) / m[1];
        List<double[]> out = new ArrayList<>();
        GeometryFactory gf = outline.getFactory();
        for (double lat = env.getMinY() + stepLat / 2; lat < env.getMaxY(); lat += stepLat) {
            for (double lon = env.getMinX() + stepLon / 2; lon < env.getMaxX(); lon += stepLon) {
                Envelope b = block(lon, lat, CELL_W, CELL_H);
                if (taken.stream().noneMatch(b::intersects) && outline.contains(gf.toGeometry(b))) {
                    out.add(new double[] {Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6});
                }
            }
        }
        return out;
    }

    /** The lon/lat envelope of a town's grid of parks around a centre, with half the margin around it. */
    private static Envelope block(double lon, double lat, double cellW, double cellH) {
        double[] m = DemoTown.metresPerDegree(lat);
        double[] half = DemoParks.halfExtent(cellW, cellH);
        double dx = (half[0] + MARGIN / 2) / m[0], dy = (half[1] + MARGIN / 2) / m[1];
        return new Envelope(new Coordinate(lon - dx, lat - dy), new Coordinate(lon + dx, lat + dy));
    }

    /** The real outlines of Shanghai's districts by GB/T 2260 code (崇明, which has no code in the source, left out). */
    static Map<String, Geometry> countyOutlines(GeometryFactory gf) {
        try (InputStream in = DemoSites.class.getResourceAsStream("/demo/shanghai-districts-echarts4.geojson")) {
            JsonNode root = JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Geometry> out = new LinkedHashMap<>();
            for (JsonNode f : root.path("features")) {
                String id = f.path("id").asString("");
                if (!id.isEmpty()) {
                    out.put(id, GeoJson.readPolygonal(f.path("geometry").toString(), gf));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("The Shanghai district outlines are missing from the application", e);
        }
    }
}
