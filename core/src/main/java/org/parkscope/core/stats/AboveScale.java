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
}
