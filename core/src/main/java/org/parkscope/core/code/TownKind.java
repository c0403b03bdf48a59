package org.parkscope.core.code;

/**
 * Kind of a township-level unit, read from digits 7–9 of its code under GB/T 10114.
 *
 * <p>GB/T 10114 subdivides 400–599 further (400–479 forest farms, pastures, science cities and parks; 480–499
 * forestry bureaus; 500–579 farms and corps; 580–599 livestock farms), but the NBS statistical tables do not follow
 * those sub-ranges: Shanghai lists 芦潮港农场 as 310115401 and 漕河泾新兴技术开发区 and 松江工业区 as 5xx. The
 * sub-range therefore says nothing reliable about the kind, and all of 400–599 is one kind here: a
 * 类似乡级单位 such as a development zone, industrial park or state farm.
 */
public enum TownKind {
    /** 000–099 (001 and up; 000 is the county itself). */
    SUBDISTRICT("街道", "sub-district"),
    /** 100–199. */
    TOWN("镇", "town"),
    /** 200–299. */
    TOWNSHIP("乡", "township"),
    /** 400–599: development zones, parks, farms, forest farms managed like a township. */
    SPECIAL_ZONE("类似乡级单位（开发区、园区、农场等）", "township-level special zone (development zone, park, farm)"),
    /** 300–399 and 600–999: ranges GB/T 10114 does not assign. */
    UNASSIGNED("未分配区段", "unassigned range");

    private final String labelZh;
    private final String labelEn;

    TownKind(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /**
     * Kind for the three township digits (7–9) of a division code.
     *
     * @param digits789 value 1–999
     * @throws IllegalArgumentException for 0 (the county itself) or values outside 0–999
     */
    public static TownKind ofDigits(int digits789) {
        if (digits789 <= 0 || digits789 > 999) {
            throw new IllegalArgumentException("Township digits must be 001-999: " + digits789);
        }
        if (digits789 < 100) {
            return SUBDISTRICT;
        }
        if (digits789 < 200) {
            return TOWN;
        }
        if (digits789 < 300) {
            return TOWNSHIP;
        }
        if (digits789 >= 400 && digits789 < 600) {
            return SPECIAL_ZONE;
        }
        return UNASSIGNED;
    }
}
