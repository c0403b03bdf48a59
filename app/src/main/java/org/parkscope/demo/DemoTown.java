package org.parkscope.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.demo.DemoModel.Ent;
import org.parkscope.demo.DemoModel.Park;

/**
 * One town while it is generated: where it lies, its random source, its model and the counters it shares with the
 * other towns of a larger scale (ids, and the codes and names that must stay unique across them).
 */
final class DemoTown {

    /**
     * Where a town lies and how it is named.
     *
     * @param index   0 for the demo town (泗泾镇), 1… for the further towns of a district or city
     * @param outline the county outline its parks must lie in
     * @param cellW   the width of a park's cell in the town's grid of parks (metres); {@code cellH} its height
     */
    record Site(int index, String code12, String name, String countyCode, String countyName, Geometry outline,
            double centreLon, double centreLat, long seed, double cellW, double cellH) {

        boolean isDemo() {
            return index == 0;
        }

        Site withSeed(long newSeed) {
            return new Site(index, code12, name, countyCode, countyName, outline, centreLon, centreLat, newSeed, cellW,
                    cellH);
        }

        String code9() {
            return code12.substring(0, 9);
        }

        /** The town's name without 镇 / 街道 / 新区, for park and firm names. */
        String shortName() {
            return name.replaceAll("(街道|镇|乡|地区|新区)$", "");
        }
    }

    /** What the towns of one generation share: the next ids and the codes and names already used. */
    static final class Shared {
        final IndustryCodes industryCodes = IndustryCodes.load();
        final GeometryFactory gf = new GeometryFactory();
        final Set<String> usedUscc = new HashSet<>();
        final Set<String> usedNames = new HashSet<>();
        final Set<String> usedCertificates = new HashSet<>();
        long parks;
        long parcels;
        long buildings;
        long enterprises;
        long floorSpaces;

        long[] mark() {
            return new long[] {parks, parcels, buildings, enterprises, floorSpaces};
        }

        void reset(long[] mark) {
            parks = mark[0];
            parcels = mark[1];
            buildings = mark[2];
            enterprises = mark[3];
            floorSpaces = mark[4];
        }
    }

    private static final double M_PER_DEG_LAT = 110_900.0;

    final Site site;
    final Shared shared;
    final Random rnd;
    final List<Park> parks = new ArrayList<>();
    final List<Ent> ents = new ArrayList<>();
    final List<String[]> qualifications = new ArrayList<>();
    private final double mPerDegLon;

    DemoTown(Site site, Shared shared) {
        this.site = site;
        this.shared = shared;
        this.rnd = new Random(site.seed());
        this.mPerDegLon = 111_320.0 * Math.cos(Math.toRadians(site.centreLat()));
    }

    /** An axis-parallel rectangle given in metres from the town centre, as lon/lat rounded to 6 decimals. */
    Polygon rectangle(double x0, double y0, double w, double h) {
        Coordinate[] c = {toLonLat(x0, y0), toLonLat(x0 + w, y0), toLonLat(x0 + w, y0 + h), toLonLat(x0, y0 + h),
            toLonLat(x0, y0)};
        return shared.gf.createPolygon(c);
    }

    private Coordinate toLonLat(double x, double y) {
        double lon = site.centreLon() + x / mPerDegLon;
        double lat = site.centreLat() + y / M_PER_DEG_LAT;
        return new Coordinate(Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6);
    }

    /** Metres per degree, for placing towns: {x per degree of longitude, y per degree of latitude} at a latitude. */
    static double[] metresPerDegree(double lat) {
        return new double[] {111_320.0 * Math.cos(Math.toRadians(lat)), M_PER_DEG_LAT};
    }

    Park park(String code) {
        return parks.stream().filter(p -> p.def.code().equals(code)).findFirst().orElseThrow();
    }

    Ent known(String prefix) {
        return ents.stream().filter(e -> e.name.startsWith(prefix)).findFirst().orElseThrow();
    }
}
