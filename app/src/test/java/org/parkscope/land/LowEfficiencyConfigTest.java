package org.parkscope.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkscope.core.land.LowEfficiencyCriteria;

class LowEfficiencyConfigTest {

    @Test
    void theShippedCriteriaLoad() {
        LowEfficiencyCriteria c = LowEfficiencyConfig.parse(LowEfficiencyConfig.read(null));
        assertThat(c.criteria()).hasSize(7);
        assertThat(c.criteria().get(3)).isEqualTo(new LowEfficiencyCriteria.BelowStandard("TAX", 10, 0.5,
                java.util.Set.of("工业用地"), 2));
    }

    @Test
    void aDistrictsOwnFileReplacesThem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, "name: 某区标准\ncriteria:\n  - kind: NO_TAX\n    years: 3\n");
        assertThat(LowEfficiencyConfig.parse(LowEfficiencyConfig.read(f.toString())).criteria())
                .containsExactly(new LowEfficiencyCriteria.NoTax(3));
    }

    @Test
    void mistakesAreNamedInChineseAndEnglish() {
        assertThatThrownBy(() -> LowEfficiencyConfig.parse(Map.of("criteria", List.of())))
                .hasMessageContaining("缺少 criteria").hasMessageContaining("non-empty");
        assertThatThrownBy(() -> LowEfficiencyConfig.parse(Map.of("criteria", List.of(Map.of("kind", "IDLE")))))
                .hasMessageContaining("第 1 条标准（IDLE）").hasMessageContaining("unknown kind");
        assertThatThrownBy(() -> LowEfficiencyConfig.parse(Map.of("criteria", List.of(
                Map.of("kind", "NO_TAX", "years", 2), Map.of("kind", "BELOW_CONTRACT", "metric", "TAX", "share", 1.5)))))
                .hasMessageContaining("第 2 条").hasMessageContaining("share must be a share in (0, 1]");
        assertThatThrownBy(() -> LowEfficiencyConfig.parse(Map.of("criteria", List.of(
                Map.of("kind", "BELOW_STANDARD", "metric", "PROFIT", "standardPerMu", 10, "share", 0.5)))))
                .hasMessageContaining("metric must be TAX or OUTPUT");
        assertThatThrownBy(() -> LowEfficiencyConfig.parse(Map.of("criteria", List.of(Map.of("kind", "NO_TAX", "years", 0)))))
                .hasMessageContaining("years must be at least 1 year");
        assertThatThrownBy(() -> LowEfficiencyConfig.parse(Map.of("criteria", List.of(Map.of("kind", "NO_TAX")))))
                .hasMessageContaining("a number 'years' is required");
        assertThatThrownBy(() -> LowEfficiencyConfig.read("/nonexistent/criteria.yaml"))
                .hasMessageContaining("无法读取");
    }
}
