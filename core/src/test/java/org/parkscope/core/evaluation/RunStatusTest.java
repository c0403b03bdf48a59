package org.parkscope.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parkscope.core.evaluation.RunStatus.FAILED;
import static org.parkscope.core.evaluation.RunStatus.FINAL;
import static org.parkscope.core.evaluation.RunStatus.LAND_PUBLICISED;
import static org.parkscope.core.evaluation.RunStatus.PUBLICISED;
import static org.parkscope.core.evaluation.RunStatus.RUNNING;
import static org.parkscope.core.evaluation.RunStatus.SCORED;
import static org.parkscope.core.evaluation.RunStatus.SUPERSEDED;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunStatusTest {

    @Test
    void theYearlyProcessMovesForwardOnly() {
        assertThat(RUNNING.next()).containsExactlyInAnyOrder(FAILED, LAND_PUBLICISED, SCORED);
        assertThat(LAND_PUBLICISED.next()).containsExactly(SCORED);
        assertThat(SCORED.next()).containsExactly(PUBLICISED);
        assertThat(PUBLICISED.next()).containsExactlyInAnyOrder(FINAL, SUPERSEDED);
        assertThat(FAILED.next()).isEmpty();
        assertThat(FINAL.next()).isEmpty();
        assertThat(SUPERSEDED.next()).isEmpty();
    }

    @Test
    void firmsSeeWhatWasPublishedOnly() {
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::shownToEnterprises))
                .containsExactlyInAnyOrder(LAND_PUBLICISED, PUBLICISED, FINAL);
    }

    @ParameterizedTest
    @EnumSource(RunStatus.class)
    void noStateMovesBackOrToItself(RunStatus s) {
        assertThat(s.canMoveTo(s)).isFalse();
        assertThat(s.canMoveTo(RUNNING)).isFalse();
        for (RunStatus t : s.next()) {
            assertThat(t.canMoveTo(s)).as(t + " back to " + s).isFalse();
        }
    }

    @Test
    void theStepsEachStateOffers() {
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::canPublish)).containsExactly(SCORED);
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::canFinalise)).containsExactly(PUBLICISED);
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::canRecalculate)).containsExactly(PUBLICISED);
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::canScore)).containsExactly(LAND_PUBLICISED);
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::acceptsObjections))
                .containsExactlyInAnyOrder(PUBLICISED, LAND_PUBLICISED);
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::landOnly)).containsExactly(LAND_PUBLICISED);
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::hasResults))
                .containsExactlyInAnyOrder(SCORED, PUBLICISED, FINAL, SUPERSEDED);
        assertThat(RUNNING.isRunning()).isTrue();
        assertThat(FAILED.isFailed()).isTrue();
        assertThat(SCORED.isRunning() || SCORED.isFailed()).isFalse();
    }
}
