package org.parkscope.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parkscope.shared.Refusal;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.shared.SafeYaml;
import org.parkscope.shared.UserMessage;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The schemes shipped with the platform, and reading a scheme's text into the engine's {@link Scheme}. */
final class SchemeCatalogue {

    /** How land and figures are attributed where tenants share a parcel (a scheme file's {@code attribution}). */
    static final Set<String> ATTRIBUTIONS = Set.of("FLOOR_SHARE", "PARCEL_AGGREGATE", "LANDLORD_ONLY_TENANT_FOLLOWS");

    private SchemeCatalogue() {}

    /** The shipped schemes, by name. */
    static List<String> shipped() {
        try {
            List<String> names = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:/schemes/*.yaml")) {
                names.add(r.getFilename().replace(".yaml", ""));
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shippedText(String name) {
        try (InputStream in = SchemeCatalogue.class.getResourceAsStream("/schemes/" + name + ".yaml")) {
            if (in == null) {
                throw new SchemeFile.Invalid(name, List.of(UserMessage.of("scheme.notShipped")));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scheme parse(String yaml, String name) {
        return SchemeFile.parse(SafeYaml.load(yaml), name);
    }

    /** The scheme text for a run's data year (the scheme's own year when {@code year} is null). */
    static Scheme forYear(String yaml, String name, Integer year) {
        try {
            return year == null ? parse(yaml, name) : parse(yaml, name).forYear(year);
        } catch (Scheme.NotInEffect e) {
            throw Refusal.of("eval.refused.notInEffect", e.schemeId(), e.effective().toString(),
                    e.year());
        }
    }

    /** The scheme file's attribution mode (FLOOR_SHARE when absent). */
    static String attribution(String yaml) {
        Object doc = SafeYaml.load(yaml);
        Object a = doc instanceof Map<?, ?> m ? m.get("attribution") : null;
        String mode = a == null ? "FLOOR_SHARE" : String.valueOf(a).toUpperCase(Locale.ROOT);
        if (!ATTRIBUTIONS.contains(mode)) {
            throw new SchemeFile.Invalid("attribution", List.of(UserMessage.of("scheme.attribution", "attribution")));
        }
        return mode;
    }
}
