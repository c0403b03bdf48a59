package org.parkscope.evaluation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.shared.TownContext;
import org.springframework.stereotype.Component;

/**
 * A shipped scheme as the scheme picker shows it: its region and year, not its file name; and whether it is the
 * town's own (its region names the town), which the picker selects first. Templates call it as {@code @schemeNames}.
 */
@Component("schemeNames")
public class SchemeNames {

    private final TownContext town;
    private final Map<String, Scheme> schemes = new ConcurrentHashMap<>();

    SchemeNames(TownContext town) {
        this.town = town;
    }

    /** "region year" of a shipped scheme; the name itself for one that is not shipped (a run's uploaded scheme). */
    public String label(String id) {
        Scheme s = scheme(id);
        return s == null ? id : s.region() + " " + s.year();
    }

    public boolean local(String id) {
        Scheme s = scheme(id);
        return s != null && town.town().map(t -> s.region().contains(t.name())).orElse(false);
    }

    private @Nullable Scheme scheme(String id) {
        if (!SchemeCatalogue.shipped().contains(id)) {
            return null;
        }
        return schemes.computeIfAbsent(id, n -> SchemeCatalogue.parse(SchemeCatalogue.shippedText(n), n));
    }
}
