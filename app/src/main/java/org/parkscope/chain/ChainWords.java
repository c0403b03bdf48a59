package org.parkscope.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.code.SeiCategories;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names for what chain pages would otherwise show as codes, for templates ({@code @chainWords}): a chain's name for its
 * id in the request's language, an SEI 2018 category's name beside its code, and a placement's stored evidence (JSON,
 * {@link ChainRecomputation#evidence}) as what was matched, grouped by where it was found.
 */
@Component("chainWords")
public class ChainWords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SeiCategories SEI = SeiCategories.load();
    private final ChainService chains;

    ChainWords(ChainService chains) {
        this.chains = chains;
    }

    /** Where something was matched (a {@code Placement.Source} name, shown by its {@code chains.source.*} name). */
    public record Group(String source, String matched) {}

    public List<Group> evidence(@Nullable String evidence) {
        if (evidence == null || evidence.isBlank()) {
            return List.of();
        }
        Map<String, Set<String>> bySource = new LinkedHashMap<>();
        for (JsonNode e : JSON.readTree(evidence)) {
            bySource.computeIfAbsent(e.path("source").asString(), k -> new LinkedHashSet<>())
                    .add(e.path("matched").asString());
        }
        List<Group> out = new ArrayList<>();
        bySource.forEach((source, matched) -> out.add(new Group(source, String.join("、", matched))));
        return out;
    }

    /** A chain's name (English where the definition has one and the page is English); the id if unknown. */
    public String chain(String id) {
        return chains.chains().stream().filter(c -> c.id().equals(id)).findFirst().map(ChainWords::name).orElse(id);
    }

    static String name(Chain c) {
        return ChainLabels.english() && c.nameEn() != null && !c.nameEn().isBlank() ? c.nameEn() : c.name();
    }

    /** An SEI 2018 category as "code name" (the catalogue's names are Chinese). */
    public String sei(String code) {
        return SEI.find(code).map(c -> code + " " + c.name()).orElse(code);
    }
}
