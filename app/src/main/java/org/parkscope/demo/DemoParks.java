package org.parkscope.demo;

import org.parkscope.core.unit.Area;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.parkscope.demo.DemoCatalog.ParkDef;
import org.parkscope.demo.DemoCatalog.Theme;
import org.parkscope.demo.DemoModel.Building;
import org.parkscope.demo.DemoModel.Parcel;
import org.parkscope.demo.DemoModel.Park;
import org.parkscope.shared.GeoJson;

/**
 * A town's land: its parks on a grid around the town centre (each inside the county outline), parcels as strips
 * across each park whose certificate areas add up to the park's land exactly, and one to three buildings per parcel.
 */
final class DemoParks {

    private static final int COLS = 6;

    private DemoParks() {}

    static void build(DemoTown town) {
        Random rnd = town.rnd;
        DemoTown.Shared shared = town.shared;
        double cellW = town.site.cellW(), cellH = town.site.cellH();
        for (int i = 0; i < DemoCatalog.PARKS.size(); i++) {
            ParkDef def = DemoCatalog.PARKS.get(i);
            Park park = new Park();
            park.id = ++shared.parks;
            park.def = def;
            park.operatorId = park.id;
            double areaM2 = Area.squareMetresOfMu(def.landMu());
            park.w = Math.sqrt(areaM2 * 1.3);
            park.h = areaM2 / park.w;
            int col = i % COLS, row = i / COLS;
            park.x0 = (col - COLS / 2.0) * cellW + (cellW - park.w) * rnd.nextDouble() * 0.8;
            park.y0 = (1 - row) * cellH + (cellH - park.h) * rnd.nextDouble() * 0.8;
            if (!town.site.outline().contains(town.rectangle(park.x0, park.y0, park.w, park.h))) {
                throw new IllegalStateException("Demo park " + def.name() + " falls outside " + town.site.countyName());
            }
            // Parcels are strips across the park; their certificate areas add up to the park's land exactly.
            long totalCenti = Math.round(areaM2 * 100);
            double[] shares = new double[def.parcels()];
            double sum = 0;
            for (int k = 0; k < shares.length; k++) {
                shares[k] = 0.6 + rnd.nextDouble();
                sum += shares[k];
            }
            long assigned = 0;
            double x = park.x0;
            for (int k = 0; k < shares.length; k++) {
                Parcel p = new Parcel();
                p.id = ++shared.parcels;
                p.park = park;
                p.areaCentiM2 = k == shares.length - 1 ? totalCenti - assigned : Math.round(totalCenti * shares[k] / sum);
                assigned += p.areaCentiM2;
                p.w = park.w * p.areaCentiM2 / (double) totalCenti;
                p.x0 = x;
                x += p.w;
                do {
                    p.certificate = String.format(Locale.ROOT, "沪(%d)%s字不动产权第%06d号", 2012 + rnd.nextInt(11),
                            DemoSites.abbreviation(town.site.countyCode()), 10000 + rnd.nextInt(80000) * 7 + (int) p.id);
                } while (!shared.usedCertificates.add(p.certificate));
                p.landUse = def.theme() == Theme.AUTO_TRADE && k > 0 ? "商业用地"
                        : def.theme() == Theme.SERVICES && rnd.nextDouble() < 0.3 ? "科研用地" : "工业用地";
                p.sublet = def.ownerShare() <= 0 || rnd.nextDouble() >= def.ownerShare();
                park.parcels.add(p);
                int buildings = 1 + rnd.nextInt(3);
                for (int b = 0; b < buildings; b++) {
                    Building bd = new Building();
                    bd.id = ++shared.buildings;
                    bd.parcel = p;
                    bd.name = (b + 1) + "号楼";
                    bd.floors = def.theme() == Theme.AUTO_TRADE ? 1 + rnd.nextInt(3) : 1 + rnd.nextInt(6);
                    double plotRatio = 0.8 + rnd.nextDouble() * 1.2;
                    bd.floorAreaCenti = Math.round(p.areaCentiM2 * plotRatio / buildings);
                    p.buildings.add(bd);
                }
            }
            town.parks.add(park);
        }
    }

    /** The half-extent of a town's grid of parks in metres from its centre: {west/east, south/north}. */
    static double[] halfExtent(double cellW, double cellH) {
        int rows = (DemoCatalog.PARKS.size() + COLS - 1) / COLS;
        return new double[] {COLS / 2.0 * cellW, Math.max(2, rows - 2) * cellH}; // row 0 spans cellH..2 cellH
    }

    static Geometry songjiangOutline(GeometryFactory gf) {
        try (InputStream in = DemoParks.class.getResourceAsStream("/demo/songjiang-310117.geojson")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return GeoJson.readFirstPolygon(json, gf);
        } catch (IOException e) {
            throw new IllegalStateException("The 松江区 outline is missing from the application", e);
        }
    }
}
