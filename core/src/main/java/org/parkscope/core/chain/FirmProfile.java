package org.parkscope.core.chain;

import java.util.Set;

/** What the matcher reads about an enterprise: its name, main industry class, 经营范围, main products and certificates. */
public record FirmProfile(long id, String name, String industryCode, String businessScope, String mainProducts,
        Set<String> qualifications) {

    public FirmProfile {
        name = name == null ? "" : name;
        industryCode = industryCode == null ? "" : industryCode;
        businessScope = businessScope == null ? "" : businessScope;
        mainProducts = mainProducts == null ? "" : mainProducts;
        qualifications = Set.copyOf(qualifications);
    }
}
