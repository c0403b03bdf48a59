package org.parkscope.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnterpriseSizeTest {

    @ParameterizedTest(name = "{0} staff, {1} 万元 -> {2}")
    @CsvSource({
            // both bounds met at each class boundary
            "1000, 40000, LARGE",
            "5000, 100000, LARGE",
            "300, 2000, MEDIUM",
            "999, 39999.99, MEDIUM",
            "20, 300, SMALL",
            "299, 1999.99, SMALL",
            // only one large bound met: drops to medium
            "1000, 39999.99, MEDIUM",
            "999, 40000, MEDIUM",
            // large staff but small revenue: drops two classes
            "1500, 1000, SMALL",
            // large revenue but few staff
            "100, 50000, SMALL",
            // micro needs only one bound below
            "19, 50000, MICRO",
            "5000, 299.99, MICRO",
            "0, 0, MICRO",
            "19, 299, MICRO"})
    void industrialSizeClasses(long staff, BigDecimal revenue, SizeClass expected) {
        assertThat(EnterpriseSize.industrial(staff, revenue)).isEqualTo(expected);
    }

    @Test
    void labelsAreChinese() {
        assertThat(SizeClass.LARGE.labelZh()).isEqualTo("大型");
        assertThat(SizeClass.MEDIUM.labelZh()).isEqualTo("中型");
        assertThat(SizeClass.SMALL.labelZh()).isEqualTo("小型");
        assertThat(SizeClass.MICRO.labelZh()).isEqualTo("微型");
    }

    @Test
    void rejectsNegativeInputs() {
        assertThatThrownBy(() -> EnterpriseSize.industrial(-1, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnterpriseSize.industrial(1, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnterpriseSize.industrial(1, null)).isInstanceOf(NullPointerException.class);
    }
}
