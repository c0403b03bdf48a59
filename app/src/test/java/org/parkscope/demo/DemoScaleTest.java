package org.parkscope.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoScaleTest {

    @Test
    void namedScalesAndNumbersOfFirmsRoundedUpToWholeTowns() {
        assertThat(DemoScale.parse("town")).isEqualTo(DemoScale.TOWN);
        assertThat(DemoScale.parse(null).firms()).isEqualTo(2_000);
        assertThat(DemoScale.parse(" District ").firms()).isEqualTo(20_000);
        assertThat(DemoScale.parse("city").firms()).isEqualTo(200_000);
        assertThat(DemoScale.parse("5000").towns()).isEqualTo(3);
        assertThat(DemoScale.parse("2000").towns()).isEqualTo(1);
    }

    @Test
    void anythingElseIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> DemoScale.parse("country")).hasMessageContaining("town, district, city");
        assertThatThrownBy(() -> DemoScale.parse("0")).hasMessageContaining("1..200000");
        assertThatThrownBy(() -> DemoScale.parse("200001")).hasMessageContaining("1..200000");
    }
}
