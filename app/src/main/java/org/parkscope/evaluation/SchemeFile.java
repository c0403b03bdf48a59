package org.parkscope.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.parkscope.core.evaluation.PublicationChecks;
import org.parkscope.core.evaluation.Scheme;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an evaluation scheme from YAML (format in {@code docs/evaluation-schemes.md}) and checks it, reporting every
 * problem with its place in the file in Chinese and English.
 */
public final class SchemeFile {

    /** A scheme file that cannot be used, with every problem found. */
    public static final class Invalid extends Refusal {
        public Invalid(String name, List<UserMessage> problems) {
            super(Kind.REFUSED, UserMessage.of("scheme.invalid", name), problems);
        }
    }

    private static final Set<String> METRICS = Set.of("LAND_MU", "TAX", "REVENUE", "OUTPUT", "VALUE_ADDED", "ENERGY", "WATER",
            "ELECTRICITY", "EMISSIONS", "RD", "STAFF", "GOODS_SALES", "TECH_INVEST");
    /** Counts and flags that bonus, penalty and veto items can use. */
    static final Set<String> COUNTS = Set.of("TENANTS_BELOW", "TENANTS", "HNTE", "SRDI", "LITTLE_GIANT",
            "SAFETY_ACCIDENT", "ENV_PENALTY", "STOPPED", "NEW_ENTERPRISE");

    private SchemeFile() {}

    public static Scheme load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(org.parkscope.shared.SafeYaml.load(r), file.getFileName().toString());
        } catch (YAMLException e) {
            throw new Invalid(file.getFileName().toString(), List.of(UserMessage.of("scheme.yaml", e.getMessage())));
        }
    }

    public static Scheme classpath(String name) {
        try (InputStream in = SchemeFile.class.getResourceAsStream("/schemes/" + name + ".yaml")) {
            if (in == null) {
                throw new Invalid(name, List.of(UserMessage.of("scheme.notShipped")));
            }
            return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Scheme parse(Object root, String name) {
        List<UserMessage> problems = new ArrayList<>();
        if (!(root instanceof Map<?, ?> doc)) {
            throw new Invalid(name, List.of(UserMessage.of("scheme.rootMapping")));
        }
        SchemeKeys.check(doc, "", SchemeKeys.ROOT, problems);
        String id = text(doc, "id", "", problems);
        String region = text(doc, "region", "", problems);
        Scheme.Effective effective = null;
        if (doc.get("effective") instanceof Map<?, ?> em) {
            SchemeKeys.check(em, "effective", SchemeKeys.EFFECTIVE, problems);
            double from = number(em, "from", "effective", problems, true);
            double to = number(em, "to", "effective", problems, true);
            if (from == from && to == to) {
                if (from > to) {
                    problems.add(UserMessage.of("scheme.effectiveOrder", "effective"));
                } else {
                    effective = new Scheme.Effective((int) from, (int) to);
                }
            }
        } else if (doc.get("effective") != null) {
            problems.add(UserMessage.of("scheme.effectiveShape", "effective"));
        }
        int year = effective != null && doc.get("year") == null ? effective.to()
                : (int) number(doc, "year", "", problems, true);
        if (effective != null && !effective.covers(year)) {
            problems.add(UserMessage.of("scheme.yearOutside", String.valueOf(year), String.valueOf(effective)));
        }
        String source = text(doc, "source", "", problems);
        List<String> assumptions = new ArrayList<>();
        if (doc.get("assumptions") instanceof List<?> list) {
            list.forEach(a -> assumptions.add(String.valueOf(a)));
        }
        List<Scheme.Cohort> cohorts = new ArrayList<>();
        Scheme.Banding schemeBanding = SchemeRules.banding(doc.get("banding"), "banding", Scheme.Banding.DEFAULT, problems);
        Object cs = doc.get("cohorts");
        if (!(cs instanceof List<?> cohortList) || cohortList.isEmpty()) {
            problems.add(UserMessage.of("scheme.noCohort", "cohorts"));
        } else {
            for (int c = 0; c < cohortList.size(); c++) {
                String at = "cohorts[" + c + "]";
                if (!(cohortList.get(c) instanceof Map<?, ?> cm)) {
                    problems.add(UserMessage.of("scheme.mapping", at));
                    continue;
                }
                Map<?, ?> members = cm.get("members") instanceof Map<?, ?> m ? m : Map.of();
                SchemeKeys.check(cm, at, SchemeKeys.COHORT, problems);
                SchemeKeys.check(members, at + ".members", SchemeKeys.MEMBERS, problems);
                Boolean above = members.get("above_scale") instanceof Boolean b ? b : null;
                double minMu = members.get("min_land_mu") instanceof Number n ? n.doubleValue() : 0;
                Double minRevenue = members.get("min_revenue") instanceof Number n ? n.doubleValue() : null;
                Double minLeased = members.get("min_leased_m2") instanceof Number n ? n.doubleValue() : null;
                List<Scheme.Indicator> indicators = new ArrayList<>();
                if (cm.get("indicators") instanceof List<?> inds) {
                    for (int k = 0; k < inds.size(); k++) {
                        Scheme.Indicator ind = indicator(inds.get(k), at + ".indicators[" + k + "]", problems);
                        if (ind != null) {
                            indicators.add(ind);
                        }
                    }
                } else {
                    problems.add(UserMessage.of("scheme.missing", at + ".indicators"));
                }
                List<Scheme.Band> bands = new ArrayList<>();
                if (cm.get("bands") instanceof List<?> bs) {
                    for (int b = 0; b < bs.size(); b++) {
                        String bat = at + ".bands[" + b + "]";
                        if (bs.get(b) instanceof Map<?, ?> bm) {
                            SchemeKeys.check(bm, bat, SchemeKeys.BAND, problems);
                            Integer count = bm.get("up_to_count") instanceof Number q ? q.intValue() : null;
                            Double minScore = bm.get("min_score") instanceof Number ms ? ms.doubleValue() : null;
                            boolean absolute = minScore != null || bs.stream().anyMatch(x -> x instanceof Map<?, ?> xm
                                    && xm.get("min_score") != null);
                            bands.add(new Scheme.Band(text(bm, "class", bat, problems), count != null || absolute ? 0
                                    : number(bm, "up_to", bat, problems, true), count, minScore));
                        } else {
                            problems.add(UserMessage.of("scheme.mapping", bat));
                        }
                    }
                }
                List<Scheme.Adjustment> adjustments = new ArrayList<>();
                if (cm.get("adjustments") instanceof List<?> as) {
                    for (int k = 0; k < as.size(); k++) {
                        String aat = at + ".adjustments[" + k + "]";
                        if (as.get(k) instanceof Map<?, ?> am) {
                            SchemeKeys.check(am, aat, SchemeKeys.ADJUSTMENT, problems);
                            String metric = text(am, "metric", aat, problems);
                            if (metric != null && !COUNTS.contains(metric)) {
                                problems.add(UserMessage.of("scheme.unknownCount", aat, metric, String.valueOf(COUNTS)));
                            }
                            adjustments.add(new Scheme.Adjustment(text(am, "code", aat, problems),
                                    String.valueOf(am.get("name")), metric, number(am, "first", aat, problems, true),
                                    am.get("each") instanceof Number e ? e.doubleValue() : 0,
                                    am.get("limit") instanceof Number l ? l.doubleValue() : null));
                        } else {
                            problems.add(UserMessage.of("scheme.mapping", aat));
                        }
                    }
                }
                List<Scheme.Veto> vetoes = new ArrayList<>();
                if (cm.get("vetoes") instanceof List<?> vs) {
                    for (int k = 0; k < vs.size(); k++) {
                        String vat = at + ".vetoes[" + k + "]";
                        if (vs.get(k) instanceof Map<?, ?> vm) {
                            SchemeKeys.check(vm, vat, SchemeKeys.VETO, problems);
                            String metric = text(vm, "metric", vat, problems);
                            if (metric != null && !COUNTS.contains(metric)) {
                                problems.add(UserMessage.of("scheme.unknownFlag", vat, metric, String.valueOf(COUNTS)));
                            }
                            Scheme.VetoAction action = null;
                            try {
                                action = Scheme.VetoAction.valueOf(String.valueOf(vm.get("action")).toUpperCase(Locale.ROOT));
                            } catch (IllegalArgumentException e) {
                                problems.add(UserMessage.of("scheme.vetoAction", vat + ".action"));
                            }
                            vetoes.add(new Scheme.Veto(text(vm, "code", vat, problems), String.valueOf(vm.get("name")),
                                    metric, action, vm.get("class") == null ? null : String.valueOf(vm.get("class"))));
                        } else {
                            problems.add(UserMessage.of("scheme.mapping", vat));
                        }
                    }
                }
                List<Scheme.Group> groups = new ArrayList<>();
                if (cm.get("groups") instanceof List<?> gs) {
                    for (int k = 0; k < gs.size(); k++) {
                        String gat = at + ".groups[" + k + "]";
                        if (gs.get(k) instanceof Map<?, ?> gm) {
                            SchemeKeys.check(gm, gat, SchemeKeys.GROUP, problems);
                            List<String> prefixes = new ArrayList<>();
                            if (gm.get("industries") instanceof List<?> ps) {
                                ps.forEach(x -> prefixes.add(String.valueOf(x)));
                            }
                            groups.add(new Scheme.Group(text(gm, "code", gat, problems), String.valueOf(gm.get("name")),
                                    prefixes));
                        } else {
                            problems.add(UserMessage.of("scheme.mapping", gat));
                        }
                    }
                    if (!groups.isEmpty() && !groups.get(groups.size() - 1).industryPrefixes().isEmpty()) {
                        problems.add(UserMessage.of("scheme.lastGroup", at + ".groups"));
                    }
                }
                Scheme.Unrated unrated = null;
                if (cm.get("unrated") instanceof Map<?, ?> um) {
                    String uat = at + ".unrated";
                    SchemeKeys.check(um, uat, SchemeKeys.UNRATED, problems);
                    List<String> prefixes = new ArrayList<>();
                    if (um.get("industries") instanceof List<?> ps) {
                        ps.forEach(x -> prefixes.add(String.valueOf(x)));
                    }
                    List<String> flags = new ArrayList<>();
                    if (um.get("flags") instanceof List<?> fs) {
                        for (Object f : fs) {
                            if (!COUNTS.contains(String.valueOf(f))) {
                                problems.add(UserMessage.of("scheme.unknownFlag", uat, String.valueOf(f), String.valueOf(COUNTS)));
                            }
                            flags.add(String.valueOf(f));
                        }
                    }
                    unrated = new Scheme.Unrated(text(um, "class", uat, problems), text(um, "managed_as", uat, problems),
                            prefixes, flags);
                }
                cohorts.add(new Scheme.Cohort(text(cm, "code", at, problems), text(cm, "name", at, problems),
                        new Scheme.Membership(above, minMu, minRevenue, minLeased), indicators, bands, adjustments, vetoes, groups,
                        unrated, SchemeRules.banding(cm.get("banding"), at + ".banding", schemeBanding, problems),
                        SchemeRules.caps(cm.get("caps"), at + ".caps", problems)));
            }
        }
        List<Scheme.Policy> policies = new ArrayList<>();
        if (doc.get("policies") instanceof List<?> ps) {
            for (int k = 0; k < ps.size(); k++) {
                String pat = "policies[" + k + "]";
                if (!(ps.get(k) instanceof Map<?, ?> pm)) {
                    problems.add(UserMessage.of("scheme.mapping", pat));
                    continue;
                }
                SchemeKeys.check(pm, pat, SchemeKeys.POLICY, problems);
                String klass = pm.get("class") == null ? null : String.valueOf(pm.get("class"));
                String metric = pm.get("metric") == null ? null : String.valueOf(pm.get("metric"));
                String group = pm.get("group") == null ? null : String.valueOf(pm.get("group"));
                String policyName = text(pm, "name", pat, problems);
                List<Double> values = new ArrayList<>();
                if (pm.get("amounts") instanceof List<?> amounts) {
                    for (Object a : amounts) {
                        if (a instanceof Number n) {
                            values.add(n.doubleValue());
                        } else {
                            problems.add(UserMessage.of("scheme.amountsNumbers", pat + ".amounts"));
                        }
                    }
                }
                if ((klass == null) == (metric == null)) {
                    problems.add(UserMessage.of("scheme.classOrMetric", pat));
                } else if (metric != null && !metric.matches("[A-Z][A-Z0-9_]{1,31}")) {
                    problems.add(UserMessage.of("scheme.metricCode", pat + ".metric"));
                } else if (metric != null && !values.isEmpty()) {
                    problems.add(UserMessage.of("scheme.metricNoAmounts", pat + ".amounts"));
                } else if (klass != null && values.isEmpty()) {
                    problems.add(UserMessage.of("scheme.policyFields", pat));
                } else if (policyName != null) {
                    policies.add(new Scheme.Policy(klass, policyName, String.valueOf(pm.get("unit")), values, group,
                            metric));
                }
            }
        }
        PublicationChecks.Thresholds checks = SchemeRules.checks(doc.get("checks"), problems);
        if (!problems.isEmpty()) {
            throw new Invalid(name, problems);
        }
        try {
            return new Scheme(id, region, year, source, assumptions, cohorts, policies,
                    effective == null ? new Scheme.Effective(year, year) : effective, checks);
        } catch (IllegalArgumentException e) {
            throw new Invalid(name, List.of(UserMessage.of("scheme.core", e.getMessage())));
        }
    }

    private static Scheme.Indicator indicator(Object o, String at, List<UserMessage> problems) {
        if (!(o instanceof Map<?, ?> m)) {
            problems.add(UserMessage.of("scheme.mapping", at));
            return null;
        }
        SchemeKeys.check(m, at, SchemeKeys.INDICATOR, problems);
        String numerator = text(m, "numerator", at, problems);
        String denominator = text(m, "denominator", at, problems);
        for (String metric : new String[] {numerator, denominator}) {
            if (metric != null && !METRICS.contains(metric)) {
                problems.add(UserMessage.of("scheme.unknownMetric", at, metric, String.valueOf(METRICS)));
            }
        }
        Scheme.Family family = null;
        String f = text(m, "family", at, problems);
        try {
            family = f == null ? null : Scheme.Family.valueOf(f.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(UserMessage.of("scheme.unknownFamily", at + ".family", f));
        }
        Scheme.Missing missing = Scheme.Missing.ZERO;
        if (m.get("missing") != null) {
            try {
                missing = Scheme.Missing.valueOf(String.valueOf(m.get("missing")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(UserMessage.of("scheme.unknownMissing", at + ".missing"));
            }
        }
        double factor = m.get("factor") instanceof Number n ? n.doubleValue() : 1;
        double benchmark = m.get("benchmark") instanceof Number n ? n.doubleValue() : m.get("k") instanceof Number k
                ? k.doubleValue() : 0;
        Double cap = m.get("cap") instanceof Number n ? n.doubleValue() : null;
        Double floor = m.get("floor") instanceof Number n ? n.doubleValue() : null;
        String code = text(m, "code", at, problems);
        double weight = number(m, "weight", at, problems, true);
        if (m.get("cap_of_weight") instanceof Number times) { // "at most 1.5 × the weight"
            if (cap != null) {
                problems.add(UserMessage.of("scheme.capTwice", at));
            }
            cap = times.doubleValue() * weight;
        }
        Integer benchmarkYear = null;
        if (m.get("year") instanceof Integer y) {
            benchmarkYear = y;
        } else if (m.get("year") != null) {
            problems.add(UserMessage.of("scheme.benchmarkYear", at + ".year"));
        }
        if (family == null || code == null) {
            return null;
        }
        return new Scheme.Indicator(code, String.valueOf(m.get("name") == null ? code : m.get("name")), numerator,
                denominator, factor, weight, family, benchmark, missing, cap, floor, benchmarkYear);
    }

    private static String text(Map<?, ?> m, String key, String at, List<UserMessage> problems) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            problems.add(UserMessage.of("scheme.missing", (at.isEmpty() ? "" : at + ".") + key));
            return null;
        }
        return String.valueOf(v);
    }

    private static double number(Map<?, ?> m, String key, String at, List<UserMessage> problems, boolean required) {
        Object v = m.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (required) {
            problems.add(UserMessage.of("scheme.number", (at.isEmpty() ? "" : at + ".") + key));
        }
        return Double.NaN;
    }
}
