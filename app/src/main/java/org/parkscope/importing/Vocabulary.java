package org.parkscope.importing;

import org.parkscope.core.parse.MoneyUnit;
import org.parkscope.core.unit.Area;
import org.parkscope.shared.QualificationType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parkscope.core.parse.MoneyUnit;
import org.parkscope.core.parse.Text;

/** The words people use in spreadsheets for metrics, units, roles, classes and departments, mapped to codes. */
public final class Vocabulary {

    private Vocabulary() {}

    /** Metric → its canonical unit. */
    static final Map<String, String> METRIC_UNITS = new LinkedHashMap<>();
    /** Header or cell label → metric code. */
    static final Map<String, String> METRICS = new LinkedHashMap<>();

    static {
        METRIC_UNITS.put("TAX", "万元");
        METRIC_UNITS.put("REVENUE", "万元");
        METRIC_UNITS.put("OUTPUT", "万元");
        METRIC_UNITS.put("VALUE_ADDED", "万元");
        METRIC_UNITS.put("GOODS_SALES", "万元");
        METRIC_UNITS.put("RD", "万元");
        METRIC_UNITS.put("ENERGY", "吨标准煤");
        METRIC_UNITS.put("ELECTRICITY", "万千瓦时");
        METRIC_UNITS.put("EMISSIONS", "吨");
        METRIC_UNITS.put("STAFF", "人");
        METRIC_UNITS.put("LAND_AREA", "平方米");
        METRIC_UNITS.put("FLOOR_AREA", "平方米");
        // Surcharges the power department reports per enterprise, for schemes whose electricity measures never stack.
        METRIC_UNITS.put("POWER_PUNITIVE", "元/千瓦时");
        METRIC_UNITS.put("POWER_TIERED", "元/千瓦时");
        metric("TAX", "税收", "税收总额", "纳税额", "纳税总额", "实缴税金", "评价税收", "tax");
        metric("REVENUE", "营业收入", "主营业务收入", "营收", "销售收入", "revenue");
        metric("OUTPUT", "工业总产值", "产值", "output");
        metric("VALUE_ADDED", "工业增加值", "增加值", "valueadded", "va");
        metric("GOODS_SALES", "商品销售额", "销售额", "goodssales");
        metric("RD", "研发费用", "研发经费", "研发投入", "r&d", "rd");
        metric("ENERGY", "综合能耗", "能耗", "能源消费量", "energy");
        metric("ELECTRICITY", "用电量", "用电", "electricity");
        metric("EMISSIONS", "主要污染物排放量", "主要污染物排放", "污染物排放", "排放量", "emissions");
        metric("STAFF", "从业人员", "从业人数", "职工人数", "员工人数", "年平均职工人数", "staff");
        metric("LAND_AREA", "用地面积", "占地面积", "landarea");
        metric("FLOOR_AREA", "建筑面积", "floorarea");
        metric("POWER_PUNITIVE", "惩罚性电价加价", "惩罚性电价", "powerpunitive");
        metric("POWER_TIERED", "阶梯电价加价", "阶梯电价", "powertiered");
    }

    private static void metric(String code, String... labels) {
        METRICS.put(code.toLowerCase(Locale.ROOT), code);
        for (String l : labels) {
            METRICS.put(Text.headerKey(l), code);
        }
    }

    public static Optional<String> metric(String raw) {
        return Optional.ofNullable(METRICS.get(Text.headerKey(stripUnit(raw))));
    }

    /** "税收(万元)" → "税收". */
    public static String stripUnit(String header) {
        String s = Text.clean(header);
        if (s == null) {
            return "";
        }
        int i = s.indexOf('(');
        return i > 0 ? s.substring(0, i) : s;
    }

    /** The text inside the brackets of a header, if any: "税收(万元)" → "万元". */
    public static Optional<String> unitIn(String header) {
        String s = Text.clean(header);
        if (s == null) {
            return Optional.empty();
        }
        int i = s.indexOf('(');
        int j = s.lastIndexOf(')');
        return i >= 0 && j > i ? Optional.of(s.substring(i + 1, j).strip()) : Optional.empty();
    }

    /** Whether {@link #unitFactor} knows the metric's units. */
    public static boolean knowsUnitsOf(String metric) {
        return METRIC_UNITS.containsKey(metric);
    }

    /**
     * Factor from a unit as written to the metric's canonical unit, or empty when the unit does not fit the metric.
     */
    public static Optional<BigDecimal> unitFactor(String metric, String unit) {
        String u = Text.headerKey(unit == null ? "" : unit);
        String canonical = METRIC_UNITS.get(metric);
        if (u.isEmpty()) {
            return Optional.of(BigDecimal.ONE);
        }
        switch (canonical) {
            case "万元":
                return MoneyUnit.parse(u).map(MoneyUnit::wanFactor);
            case "吨标准煤":
                return switch (u) {
                    case "吨标准煤", "吨标煤", "tce", "t标准煤" -> Optional.of(BigDecimal.ONE);
                    case "万吨标准煤" -> Optional.of(new BigDecimal("10000"));
                    case "千克标准煤", "kgce" -> Optional.of(new BigDecimal("0.001"));
                    default -> Optional.empty();
                };
            case "万千瓦时":
                return switch (u) {
                    case "万千瓦时", "万kwh", "万度" -> Optional.of(BigDecimal.ONE);
                    case "千瓦时", "kwh", "度" -> Optional.of(new BigDecimal("0.0001"));
                    case "亿千瓦时" -> Optional.of(new BigDecimal("10000"));
                    default -> Optional.empty();
                };
            case "吨":
                return switch (u) {
                    case "吨", "t" -> Optional.of(BigDecimal.ONE);
                    case "千克", "kg", "公斤" -> Optional.of(new BigDecimal("0.001"));
                    default -> Optional.empty();
                };
            case "元/千瓦时":
                return switch (u) {
                    case "元/千瓦时", "元/kwh", "元/度" -> Optional.of(BigDecimal.ONE);
                    case "分/千瓦时", "分/kwh", "分/度" -> Optional.of(new BigDecimal("0.01"));
                    default -> Optional.empty();
                };
            case "人":
                return u.equals("人") || u.equals("名") ? Optional.of(BigDecimal.ONE) : Optional.empty();
            case "平方米":
                return switch (u) {
                    case "平方米", "m2", "m²", "㎡", "平米" -> Optional.of(BigDecimal.ONE);
                    case "亩" -> Optional.of(Area.mu(BigDecimal.ONE).squareMetres());
                    case "公顷", "ha" -> Optional.of(new BigDecimal("10000"));
                    default -> Optional.empty();
                };
            default:
                return Optional.empty();
        }
    }

    static final Map<String, String> ROLES = labels(
            "LANDLORD", "出租方|二房东|权利人出租|landlord",
            "OWNER_OCCUPIER", "自用|自有自用|owneroccupier|owner",
            "TENANT", "承租|承租方|租户|tenant");
    static final Map<String, String> SIZE_CLASSES = labels(
            "LARGE", "大型|large", "MEDIUM", "中型|medium", "SMALL", "小型|small", "MICRO", "微型|micro");
    static final Map<String, String> STATUSES = labels(
            "ACTIVE", "在营|存续|正常|active", "SUSPENDED", "停业|歇业|suspended", "MOVED_OUT", "迁出|movedout",
            "DEREGISTERED", "注销|吊销|deregistered");
    static final Map<String, String> PARK_KINDS = labels(
            "PLATFORM", "园区平台|园区|platform", "FUNCTIONAL", "功能平台|functional", "OTHER", "其他|other");
    /** Qualification types by any of their names ({@link QualificationType}, the one list of them). */
    static final Map<String, String> QUALIFICATIONS = labels(java.util.Arrays.stream(QualificationType.values())
            .flatMap(t -> java.util.stream.Stream.of(t.name(), String.join("|", t.names()))).toArray(String[]::new));
    static final Map<String, String> DEPARTMENTS = labels(
            "TAX", "税务|税务局|tax", "STATS", "统计|统计局|stats|statistics", "POWER", "电力|供电|电力公司|power",
            "LAND", "规划资源|规土|土地|land", "ENV", "生态环境|环保|环境|env|environment", "PARK", "园区|park",
            "ENTERPRISE", "企业|企业自报|enterprise");

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i].toLowerCase(Locale.ROOT), pairs[i]);
            m.put(Text.headerKey(pairs[i]), pairs[i]);
            for (String l : pairs[i + 1].split("\\|")) {
                m.put(Text.headerKey(l), pairs[i]);
            }
        }
        return m;
    }

    static Optional<String> lookup(Map<String, String> table, String raw) {
        return Optional.ofNullable(table.get(Text.headerKey(raw)));
    }
}
