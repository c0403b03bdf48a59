package org.parkscope.core.stats;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Size classification of enterprises for statistics (国统字〔2017〕213号). The rule that matters and is easy to get
 * wrong: large, medium and small each require <em>both</em> lower bounds (staff and revenue); a firm meeting only one
 * drops to the next class. Micro is whatever remains, i.e. fewer than 20 staff <em>or</em> under 300 万元.
 */
public final class EnterpriseSize {

    private static final BigDecimal LARGE_REVENUE = BigDecimal.valueOf(40_000);
    private static final BigDecimal MEDIUM_REVENUE = BigDecimal.valueOf(2_000);
    private static final BigDecimal SMALL_REVENUE = BigDecimal.valueOf(300);

    private EnterpriseSize() {
    }

    /**
     * Size class of an industrial enterprise (sections B, C, D): large ≥ 1 000 staff and ≥ 40 000 万元; medium ≥ 300
     * and ≥ 2 000 万元; small ≥ 20 and ≥ 300 万元; otherwise micro.
     *
     * @param staff            employees (从业人员), not negative
     * @param revenueWanYuan   operating revenue (营业收入) in 万元, not negative
     * @throws IllegalArgumentException on negative inputs
     */
    public static SizeClass industrial(long staff, BigDecimal revenueWanYuan) {
        Objects.requireNonNull(revenueWanYuan, "营业收入不能为空 / revenue must not be null");
        if (staff < 0) {
            throw new IllegalArgumentException("从业人员不能为负数：" + staff + " / staff must not be negative: " + staff);
        }
        if (revenueWanYuan.signum() < 0) {
            throw new IllegalArgumentException("营业收入不能为负数：" + revenueWanYuan.toPlainString()
                    + " / revenue must not be negative: " + revenueWanYuan.toPlainString());
        }
        if (staff >= 1000 && revenueWanYuan.compareTo(LARGE_REVENUE) >= 0) {
            return SizeClass.LARGE;
        }
        if (staff >= 300 && revenueWanYuan.compareTo(MEDIUM_REVENUE) >= 0) {
            return SizeClass.MEDIUM;
        }
        if (staff >= 20 && revenueWanYuan.compareTo(SMALL_REVENUE) >= 0) {
            return SizeClass.SMALL;
        }
        return SizeClass.MICRO;
    }
}
