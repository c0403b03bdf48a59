package org.parkscope.land;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.land.LowEfficiencyCriteria;
import org.parkscope.core.land.LowEfficiencyCriteria.Criterion;
import org.parkscope.shared.UserMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The low-efficiency criteria in force: the shipped YAML file or the district's own
 * ({@code parkscope.land.low-efficiency-file}), read and checked once on start. The database applies them
 * ({@code low_efficiency_reasons}, V022) after {@link LowEfficiencyCriteriaStore} has written them as rows.
 */
@Component
public class LowEfficiencyConfig {

    /** A criteria file that cannot be used: read on start by an operator, so its message is in both languages. */
    static final class Invalid extends IllegalArgumentException {
        private final UserMessage userMessage;

        Invalid(String code, Object... args) {
            this(null, code, args);
        }

        Invalid(@Nullable Throwable cause, String code, Object... args) {
            super(UserMessage.of(code, args).inBothLanguages(), cause);
            this.userMessage = UserMessage.of(code, args);
        }

        UserMessage userMessage() {
            return userMessage;
        }
    }

    private final LowEfficiencyCriteria criteria;
    private final @Nullable String name;

    public LowEfficiencyConfig(@Value("${parkscope.land.low-efficiency-file:}") String file) {
        Map<String, Object> yaml = read(file);
        this.name = yaml.get("name") == null ? null : String.valueOf(yaml.get("name"));
        this.criteria = parse(yaml);
    }

    /** The file's name for its criteria, or the default title in the reader's language. */
    public String name() {
        return name != null ? name : UserMessage.of("lowEfficiency.criteria.defaultName").text();
    }

    public LowEfficiencyCriteria criteria() {
        return criteria;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(@Nullable String file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (InputStream in = file == null || file.isBlank()
                ? LowEfficiencyConfig.class.getResourceAsStream("/land/low-efficiency.yaml")
                : Files.newInputStream(Path.of(file))) {
            Object doc = yaml.load(in);
            if (!(doc instanceof Map)) {
                throw new Invalid("lowEfficiency.criteria.mapping");
            }
            return (Map<String, Object>) doc;
        } catch (IOException e) {
            throw new Invalid(e, "lowEfficiency.criteria.unreadable", file);
        }
    }

    /** Parses the criteria; a wrong kind, a missing or out-of-range number is an error naming the criterion. */
    @SuppressWarnings("unchecked")
    static LowEfficiencyCriteria parse(Map<String, Object> yaml) {
        Object list = yaml.get("criteria");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            throw new Invalid("lowEfficiency.criteria.list");
        }
        List<Criterion> out = new ArrayList<>();
        int n = 0;
        for (Object item : items) {
            n++;
            if (!(item instanceof Map)) {
                throw new Invalid("lowEfficiency.criteria.notMapping", String.valueOf(n));
            }
            Map<String, Object> c = (Map<String, Object>) item;
            String kind = String.valueOf(c.get("kind"));
            UserMessage where = UserMessage.of("lowEfficiency.criteria.where", String.valueOf(n), kind);
            out.add(switch (kind) {
                case "NO_TAX" -> new LowEfficiencyCriteria.NoTax(atLeastOne(c, "years", where));
                case "BELOW_CONTRACT" -> new LowEfficiencyCriteria.BelowContract(metric(c, where), share(c, "share", where),
                        c.containsKey("minYearsInUse") ? years(c, "minYearsInUse", where) : 2);
                case "BELOW_STANDARD" -> new LowEfficiencyCriteria.BelowStandard(metric(c, where),
                        positive(c, "standardPerMu", where), share(c, "share", where), landUses(c),
                        c.containsKey("minYearsInUse") ? years(c, "minYearsInUse", where) : 0);
                case "COMPLETION_OVERDUE" -> new LowEfficiencyCriteria.CompletionOverdue(years(c, "years", where));
                case "PRODUCTION_STOPPED" -> new LowEfficiencyCriteria.ProductionStopped(atLeastOne(c, "years", where));
                case "SUBLET_ELSEWHERE" -> new LowEfficiencyCriteria.SubletElsewhere(share(c, "leasedShare", where),
                        share(c, "outsideShare", where));
                default -> throw new Invalid("lowEfficiency.criteria.kind", where);
            });
        }
        return new LowEfficiencyCriteria(out);
    }

    private static String metric(Map<String, Object> c, UserMessage where) {
        String m = String.valueOf(c.get("metric"));
        if (!m.equals("TAX") && !m.equals("OUTPUT")) {
            throw new Invalid("lowEfficiency.criteria.metric", where);
        }
        return m;
    }

    private static double number(Map<String, Object> c, String key, UserMessage where) {
        if (!(c.get(key) instanceof Number n)) {
            throw new Invalid("lowEfficiency.criteria.number", where, key);
        }
        return n.doubleValue();
    }

    private static int years(Map<String, Object> c, String key, UserMessage where) {
        double v = number(c, key, where);
        if (v < 0 || v != Math.rint(v) || v > 50) {
            throw new Invalid("lowEfficiency.criteria.years", where, key);
        }
        return (int) v;
    }

    private static int atLeastOne(Map<String, Object> c, String key, UserMessage where) {
        int v = years(c, key, where);
        if (v < 1) {
            throw new Invalid("lowEfficiency.criteria.atLeastOne", where, key);
        }
        return v;
    }

    private static double share(Map<String, Object> c, String key, UserMessage where) {
        double v = number(c, key, where);
        if (v <= 0 || v > 1) {
            throw new Invalid("lowEfficiency.criteria.share", where, key);
        }
        return v;
    }

    private static double positive(Map<String, Object> c, String key, UserMessage where) {
        double v = number(c, key, where);
        if (v <= 0) {
            throw new Invalid("lowEfficiency.criteria.positive", where, key);
        }
        return v;
    }

    private static Set<String> landUses(Map<String, Object> c) {
        Object v = c.get("landUses");
        Set<String> out = new HashSet<>();
        if (v instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }
}
