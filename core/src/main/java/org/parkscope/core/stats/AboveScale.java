package org.parkscope.core.stats;

import java.math.BigDecimal;
import java.util.Objects;
import org.parkscope.core.code.CheckResult;
import org.parkscope.core.code.IndustryCode;
import org.parkscope.core.code.IndustryCodes;

/**
 * 规模以上 (above-scale) flags. Above-scale industry is what monthly industrial statistics cover, and value added
 * (hence 亩均增加值) is only reported for it, so the flag decides which indicators a firm can have.
 */
public final class AboveScale {

    /** Threshold for industry since 2011 (国统字〔2010〕87号), in 万元 of annual main-business revenue. */
    public static final BigDecimal INDUSTRIAL_THRESHOLD_WAN_YUAN = BigDecimal.valueOf(2_000);

    private AboveScale() {
    }

    /**
     * Whether an enterprise counts as 规模以上工业: its industry is in section B, C or D and its annual
     * main-business revenue is at least 2 000 万元.
     *
     * @param industryCode         GB/T 4754-2017 code in any form {@link IndustryCodes#check(String)} accepts
     * @param mainRevenueWanYuan   annual main-business revenue in 万元
     * @throws IllegalArgumentException when the industry code is invalid, so bad data is never silently counted as
     *                                  "not above scale"
     */
    public static boolean isIndustrialAboveScale(String industryCode, BigDecimal mainRevenueWanYuan) {
        Objects.requireNonNull(mainRevenueWanYuan, "主营业务收入不能为空 / main-business revenue must not be null");
        CheckResult<IndustryCode> checked = IndustryCodes.load().check(industryCode);
        if (!checked.ok()) {
            throw new IllegalArgumentException(checked.errors().get(0).messageZh() + " / "
                    + checked.errors().get(0).messageEn());
        }
        return IndustryCodes.load().isIndustrial(checked.value().code())
                && mainRevenueWanYuan.compareTo(INDUSTRIAL_THRESHOLD_WAN_YUAN) >= 0;
    }

    /**
     * Whether an enterprise is 规模以上 / 限额以上 in its own sector, by annual revenue in 万元 (statistics-and-codes.md
     * §4.1): industry (B, C, D) ≥ 2 000; wholesale (51) ≥ 2 000; retail (52) ≥ 500; hotels and catering (61, 62)
     * ≥ 200; real-estate development (7010) always; services ≥ 2 000 for transport, storage and post (53–60),
     * IT and software (63–65), water, environment and public facilities (76–79) and health (84); ≥ 1 000 for leasing
     * and business services (71–72), research and technical services (73–75), education (83) and the other real
     * estate classes (702–709); ≥ 500 for resident services and repair (80–82), culture, sports and entertainment
     * (86–90) and social work (85). Construction is decided by its qualification, not revenue, and agriculture,
     * finance and public administration have no such threshold: for them the answer is {@code false}.
     */
    public static boolean isAboveScale(String industryCode, BigDecimal revenueWanYuan) {
        Objects.requireNonNull(revenueWanYuan, "营业收入不能为空 / revenue must not be null");
        CheckResult<IndustryCode> checked = IndustryCodes.load().check(industryCode);
        if (!checked.ok()) {
            throw new IllegalArgumentException(checked.errors().get(0).messageZh() + " / "
                    + checked.errors().get(0).messageEn());
        }
        String code = checked.value().code();
        if (IndustryCodes.load().isIndustrial(code)) {
            return revenueWanYuan.compareTo(INDUSTRIAL_THRESHOLD_WAN_YUAN) >= 0;
        }
        if (code.length() < 2 || !Character.isDigit(code.charAt(0))) {
            return false;
        }
        int division = Integer.parseInt(code.substring(0, 2));
        if (code.startsWith("701")) {
            return revenueWanYuan.signum() > 0;
        }
        Integer threshold = serviceThreshold(division, code);
        return threshold != null && revenueWanYuan.compareTo(BigDecimal.valueOf(threshold)) >= 0;
    }

    private static Integer serviceThreshold(int division, String code) {
        if (division == 51) {
            return 2_000;
        }
        if (division == 52) {
            return 500;
        }
        if (division == 61 || division == 62) {
            return 200;
        }
        if ((division >= 53 && division <= 60) || (division >= 63 && division <= 65)
                || (division >= 76 && division <= 79) || division == 84) {
            return 2_000;
        }
        if ((division >= 71 && division <= 75) || division == 83 || (division == 70 && !code.startsWith("701"))) {
            return 1_000;
        }
        if ((division >= 80 && division <= 82) || (division >= 86 && division <= 90) || division == 85) {
            return 500;
        }
        return null;
    }
}
