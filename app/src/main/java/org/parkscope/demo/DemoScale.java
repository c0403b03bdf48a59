package org.parkscope.demo;

import java.util.Locale;

/**
 * How much the demo generator builds: the demo town (泗泾镇, 2 000 firms), a district of 10 towns (20 000 firms) or a
 * city of 100 towns (200 000 firms) — or any number of firms, rounded up to whole towns of 2 000.
 */
public record DemoScale(String name, int towns) {

    public static final int FIRMS_PER_TOWN = DemoCatalog.ENTERPRISES;
    public static final DemoScale TOWN = new DemoScale("town", 1);
    public static final DemoScale DISTRICT = new DemoScale("district", 10);
    public static final DemoScale CITY = new DemoScale("city", 100);

    /** {@code town}, {@code district}, {@code city} or a number of firms (e.g. {@code 6000}: three towns). */
    public static DemoScale parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "", "town" -> {
                return TOWN;
            }
            case "district" -> {
                return DISTRICT;
            }
            case "city" -> {
                return CITY;
            }
            default -> {
                int firms;
                try {
                    firms = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("scale: town, district, city or a number of firms, not " + text);
                }
                if (firms < 1 || firms > CITY.firms()) {
                    throw new IllegalArgumentException("scale: 1.." + CITY.firms() + " firms, not " + text);
                }
                int towns = (firms + FIRMS_PER_TOWN - 1) / FIRMS_PER_TOWN;
                return new DemoScale(towns + " towns", towns);
            }
        }
    }

    public int firms() {
        return towns * FIRMS_PER_TOWN;
    }

    @Override
    public String toString() {
        return name;
    }
}
