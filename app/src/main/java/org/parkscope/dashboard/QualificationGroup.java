package org.parkscope.dashboard;

import java.util.List;

/**
 * How the town counts its qualified enterprises: each group counts distinct enterprises holding a certificate of one
 * of its types that is in force on the reporting date. The groups follow the article's wording: "专精特新企业" includes
 * the "小巨人", and "单项冠军及科技小巨人" is one count.
 */
public enum QualificationGroup {
    HNTE(List.of("HNTE")),
    SRDI(List.of("SRDI", "LITTLE_GIANT")),
    LISTED(List.of("LISTED")),
    TECH_CENTER(List.of("TECH_CENTER")),
    CHAMPION_OR_TECH_GIANT(List.of("CHAMPION", "SH_TECH_GIANT")),
    ACADEMICIAN_STATION(List.of("ACADEMICIAN_STATION")),
    HARDCORE_TOP100(List.of("HARDCORE_TOP100"));

    private final List<String> types;

    QualificationGroup(List<String> types) {
        this.types = types;
    }

    public List<String> types() {
        return types;
    }

    public String messageKey() {
        return "qualification.group." + name();
    }
}
