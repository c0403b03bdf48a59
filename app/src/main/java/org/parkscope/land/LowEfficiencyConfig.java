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

    private final LowEfficiencyCriteria criteria;
    private final String name;

    public LowEfficiencyConfig(@Value("${parkscope.land.low-efficiency-file:}") String file) {
        Map<String, Object> yaml = read(file);
        this.name = String.valueOf(yaml.getOrDefault("name", "低效用地认定标准"));
        this.criteria = parse(yaml);
    }

    public String name() {
        return name;
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
                throw new IllegalArgumentException("低效用地标准文件须为 YAML 映射 / the criteria file must be a YAML mapping");
            }
            return (Map<String, Object>) doc;
        } catch (IOException e) {
            throw new IllegalArgumentException("无法读取低效用地标准文件 / cannot read the criteria file " + file, e);
        }
    }

    /** Parses the criteria; a wrong kind, a missing or out-of-range number is an error naming the criterion. */
    @SuppressWarnings("unchecked")
    static LowEfficiencyCriteria parse(Map<String, Object> yaml) {
        Object list = yaml.get("criteria");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException("缺少 criteria 列表 / the file needs a non-empty 'criteria' list");
        }
        List<Criterion> out = new ArrayList<>();
        int n = 0;
        for (Object item : items) {
            n++;
            if (!(item instanceof Map)) {
                throw new IllegalArgumentException("第 " + n + " 条标准不是映射 / criterion " + n + " is not a mapping");
            }
            Map<String, Object> c = (Map<String, Object>) item;
            String kind = String.valueOf(c.get("kind"));
            String where = "第 " + n + " 条标准（" + kind + "）/ criterion " + n + " (" + kind + "): ";
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
                default -> throw new IllegalArgumentException(where + "未知的标准类型 / unknown kind; use NO_TAX,"
                        + " BELOW_CONTRACT, BELOW_STANDARD, COMPLETION_OVERDUE, PRODUCTION_STOPPED or SUBLET_ELSEWHERE");
            });
        }
        return new LowEfficiencyCriteria(out);
    }

    private static String metric(Map<String, Object> c, String where) {
        String m = String.valueOf(c.get("metric"));
        if (!m.equals("TAX") && !m.equals("OUTPUT")) {
            throw new IllegalArgumentException(where + "metric 须为 TAX 或 OUTPUT / metric must be TAX or OUTPUT");
        }
        return m;
    }

    private static double number(Map<String, Object> c, String key, String where) {
        if (!(c.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(where + "缺少数值 " + key + " / a number '" + key + "' is required");
        }
        return n.doubleValue();
    }

    private static int years(Map<String, Object> c, String key, String where) {
        double v = number(c, key, where);
        if (v < 0 || v != Math.rint(v) || v > 50) {
            throw new IllegalArgumentException(where + key + " 须为 0–50 的整数年 / " + key + " must be whole years 0–50");
        }
        return (int) v;
    }

    private static int atLeastOne(Map<String, Object> c, String key, String where) {
        int v = years(c, key, where);
        if (v < 1) {
            throw new IllegalArgumentException(where + key + " 至少为 1 年 / " + key + " must be at least 1 year");
        }
        return v;
    }

    private static double share(Map<String, Object> c, String key, String where) {
        double v = number(c, key, where);
        if (v <= 0 || v > 1) {
            throw new IllegalArgumentException(where + key + " 须在 0 与 1 之间 / " + key + " must be a share in (0, 1]");
        }
        return v;
    }

    private static double positive(Map<String, Object> c, String key, String where) {
        double v = number(c, key, where);
        if (v <= 0) {
            throw new IllegalArgumentException(where + key + " 须为正数 / " + key + " must be positive");
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
