package org.parkscope.core.code;

/**
 * A township-level unit from the bundled statistical division table.
 *
 * @param code9      county (6 digits) plus township (3 digits)
 * @param code12     the 12-digit 统计用区划代码 of the township record ({@code code9 + "000"})
 * @param name       official Chinese name
 * @param countyCode GB/T 2260 county code (6 digits)
 * @param countyName county name
 * @param kind       kind derived from digits 7–9
 */
public record Town(String code9, String code12, String name, String countyCode, String countyName, TownKind kind) {
}
