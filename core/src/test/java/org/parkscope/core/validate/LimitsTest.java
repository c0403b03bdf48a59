package org.parkscope.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void eachCheckNamesTheLimitItBreaksAndNothingWithinIt() {
        assertThat(Limits.checkText("x".repeat(Limits.MAX_TEXT_LENGTH))).isEmpty();
        assertThat(Limits.checkText("x".repeat(Limits.MAX_TEXT_LENGTH + 1))).contains("limit.text");
        assertThat(Limits.checkDecimal(new BigDecimal("1E10"), Limits.MAX_AREA_M2)).isEmpty();
        assertThat(Limits.checkDecimal(new BigDecimal("1.0000000001"), Limits.MAX_AREA_M2)).contains("limit.scale");
        assertThat(Limits.checkDecimal(new BigDecimal("-2E10"), Limits.MAX_AREA_M2)).contains("limit.magnitude");
        assertThat(Limits.checkDecimal(new BigDecimal("1E-10"), Limits.MAX_AREA_M2)).contains("limit.scale");
        assertThat(Limits.checkScale(new BigDecimal("1.500000000"))).isEmpty(); // trailing zeros are no precision
        assertThat(Limits.checkMinimum(new BigDecimal("0.05"), new BigDecimal("0.1"))).contains("limit.minimum");
        assertThat(Limits.checkYear(1899)).contains("limit.year");
        assertThat(Limits.checkYear(2024)).isEmpty();
        assertThat(Limits.checkColumns(Limits.MAX_COLUMNS)).isEmpty();
        assertThat(Limits.checkColumns(100_000)).contains("limit.columns");
        assertThat(Limits.checkLine(Limits.MAX_LINE_CHARS + 1)).contains("limit.line");
        assertThat(Limits.checkRows(Limits.MAX_ROWS + 1)).contains("limit.rows");
        assertThat(Limits.checkFileSize(Limits.MAX_FILE_BYTES)).isEqualTo(Optional.empty());
        assertThat(Limits.checkFileSize(Limits.MAX_FILE_BYTES + 1)).contains("limit.fileSize");
    }

    @Test
    void magnitudesFitTheColumnsThatKeepThem() {
        // numeric(14,2) areas, numeric(20,4) figures, int whole numbers, numeric(6,1)/(5,2)/(8,2) floor space
        assertThat(Limits.MAX_AREA_M2).isLessThan(new BigDecimal("1E12"));
        assertThat(Limits.MAX_FIGURE).isLessThan(new BigDecimal("1E16"));
        assertThat(Limits.MAX_WHOLE).isLessThan(BigDecimal.valueOf(Integer.MAX_VALUE));
        assertThat(Limits.MAX_FLOOR_LOAD).isLessThan(new BigDecimal("1E5"));
        assertThat(Limits.MAX_CLEAR_HEIGHT).isLessThan(new BigDecimal("1E3"));
        assertThat(Limits.MAX_RENT).isLessThan(new BigDecimal("1E6"));
    }
}
