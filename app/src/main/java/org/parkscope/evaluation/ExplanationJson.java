package org.parkscope.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.evaluation.Explanation;
import tools.jackson.databind.json.JsonMapper;

/** An engine explanation as the JSON stored with each result (NaN, no data, written as null), and read back. */
final class ExplanationJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExplanationJson() {}

    static String of(Explanation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cohort", e.cohort());
        m.put("cohortName", e.cohortName());
        m.put("total", e.shownTotal());
        m.put("rank", e.rank());
        m.put("of", e.of());
        m.put("class", e.klass());
        m.put("cutoffs", e.cutoffs());
        m.put("note", e.note());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Explanation.Item i : e.items()) {
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("code", i.code());
            it.put("name", i.name());
            it.put("family", i.family().name());
            it.put("numerator", num(i.numerator()));
            it.put("denominator", num(i.denominator()));
            it.put("value", num(i.value()));
            it.put("reference", num(i.reference()));
            it.put("weight", i.weight());
            it.put("points", i.shownPoints());
            it.put("note", i.note());
            it.put("basis", i.basis());
            items.add(it);
        }
        m.put("items", items);
        List<Map<String, Object>> adjustments = new ArrayList<>();
        for (Explanation.Adjusted a : e.adjustments()) {
            adjustments.add(Map.of("code", a.code(), "name", a.name(), "count", a.count(),
                    "points", Explanation.round2(a.points())));
        }
        m.put("adjustments", adjustments);
        m.put("vetoes", e.vetoes());
        return JSON.writeValueAsString(m);
    }

    /** A stored JSON object read back for a page (null stays null). */
    @SuppressWarnings("unchecked")
    static @Nullable Map<String, Object> read(@Nullable String json) {
        return json == null ? null : JSON.readValue(json, Map.class);
    }

    private static @Nullable Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
