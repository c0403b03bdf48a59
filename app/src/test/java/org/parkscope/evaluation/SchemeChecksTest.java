package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.parkscope.core.evaluation.PublicationChecks.Thresholds;
import org.parkscope.shared.Refusal;

/** The optional {@code checks:} thresholds of a scheme file: defaults, overrides, and bad values refused. */
class SchemeChecksTest {

    static final String SCHEME = """
            id: t
            region: 测试镇
            year: 2023
            source: 测试
            cohorts:
              - code: ALL
                name: 全部
                indicators:
                  - {code: TAX_PER_MU, name: 亩均税收, numerator: TAX, denominator: LAND_MU, weight: 100, family: COHORT_MEAN_RATIO, k: 1}
                bands: [{class: A, up_to: 0.5}, {class: B, up_to: 1}]
            """;

    @Test
    void thresholdsDefaultAndAreOverriddenKeyByKey() {
        assertThat(EvaluationService.parse(SCHEME, "t").checks()).isEqualTo(Thresholds.DEFAULT);
        assertThat(EvaluationService.parse(SCHEME + "checks: {min_land_mu: 1, leave_one_out: 0.4}\n", "t").checks())
                .isEqualTo(new Thresholds(1, 10, 0.30, 0.4));
        assertThat(SchemeFile.classpath("sijing-demo-2023").checks()).isEqualTo(Thresholds.DEFAULT);
    }

    @Test
    void badThresholdsAreRefusedWithTheirPlace() {
        Throwable notNumber = catchThrowable(() -> EvaluationService.parse(SCHEME + "checks: {missing_share: lots}\n",
                "t"));
        assertThat(notNumber).isInstanceOf(Refusal.class);
        assertThat(((Refusal) notNumber).details()).anySatisfy(m -> assertThat(m.args()).contains("checks.missing_share"));
        assertThat(catchThrowable(() -> EvaluationService.parse(SCHEME + "checks: {benchmark_multiple: 0.5}\n", "t")))
                .isInstanceOf(SchemeFile.Invalid.class);
        assertThat(catchThrowable(() -> EvaluationService.parse(SCHEME + "checks: [1, 2]\n", "t")))
                .isInstanceOf(SchemeFile.Invalid.class);
    }
}
