package org.parkscope.demo;

import static org.parkscope.demo.DemoCatalog.FIRST_YEAR;
import static org.parkscope.demo.DemoCatalog.LAST_YEAR;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parkscope.demo.DemoCatalog.Industry;
import org.parkscope.demo.DemoCatalog.ParkDef;
import org.parkscope.demo.DemoCatalog.Theme;

/** The in-memory model of one generated town before it is written: parks, parcels, buildings and enterprises. */
final class DemoModel {

    private DemoModel() {}

    static final int YEARS = LAST_YEAR - FIRST_YEAR + 1;

    static final class Park {
        long id;
        ParkDef def;
        long operatorId;
        double x0, y0, w, h; // metres relative to the town centre
        final List<Parcel> parcels = new ArrayList<>();
    }

    static final class Parcel {
        long id;
        Park park;
        String certificate;
        long areaCentiM2; // m² × 100
        double x0, w;
        String landUse;
        Ent holder; // the enterprise holding the land right, or null (an owner outside the town)
        String holderName;
        boolean sublet;
        final List<Building> buildings = new ArrayList<>();
    }

    static final class Building {
        long id;
        Parcel parcel;
        String name;
        int floors;
        long floorAreaCenti;
        long leasedCenti;
        int units;
    }

    static final class Ent {
        long id;
        String uscc;
        String name;
        /** The name written to the database: {@link #name}, or an invented one for a real firm in a further town. */
        String shownName;
        boolean known; // a real firm the article names
        Industry industry;
        String section;
        Theme theme;
        Park park;
        Parcel parcel;
        Building building;
        String role; // LANDLORD, OWNER_OCCUPIER, TENANT
        Ent landlord;
        long leasedCenti;
        int registeredYear;
        boolean taxLocal = true;
        boolean industrial;
        boolean aboveScale;
        boolean hq;
        String hqKind;
        String status = "ACTIVE";
        String sizeClass;
        final long[] revenue = new long[YEARS]; // 0.01 万元
        final long[] tax = new long[YEARS];
        final long[] output = new long[YEARS];
        final long[] va = new long[YEARS];
        final long[] rd = new long[YEARS];
        final long[] sales = new long[YEARS];
        final long[] energy = new long[YEARS]; // 0.01 tce
        final long[] electricity = new long[YEARS]; // 0.01 万kWh
        final long[] emission = new long[YEARS]; // 0.01 t
        final int[] staff = new int[YEARS];
        final Set<String> clusters = new HashSet<>();

        boolean active(int yearIdx) {
            return FIRST_YEAR + yearIdx >= registeredYear;
        }
    }
}
