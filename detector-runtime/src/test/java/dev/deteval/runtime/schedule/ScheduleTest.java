package dev.deteval.runtime.schedule;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ScheduleTest {

    @Test
    void constant_anyPosition_isTheValue() {
        assertThat(Schedule.constant(0.3f).valueAt(7, 1000)).isEqualTo(0.3f);
    }

    @Test
    void linear_byEpoch_interpolatesThenHolds() {
        Schedule s = Schedule.linear(2f, 0f, 4);
        assertThat(s.valueAt(0, 99)).isEqualTo(2f);
        assertThat((double) s.valueAt(1, 0)).isCloseTo(2 - 2 * 1.0 / 4, within(FEW_FLOAT32_OPS));
        assertThat((double) s.valueAt(3, 0)).isCloseTo(2 - 2 * 3.0 / 4, within(FEW_FLOAT32_OPS));
        assertThat(s.valueAt(9, 0)).isEqualTo(0f);
    }

    @Test
    void cosine_byStep_halfCosineThenHolds() {
        Schedule s = Schedule.cosine(0.3f, 0f, 10);
        assertThat((double) s.valueAt(5, 0)).isCloseTo(0.3, within(FEW_FLOAT32_OPS));
        assertThat((double) s.valueAt(0, 5)).isCloseTo(0.3 * (1 + Math.cos(Math.PI / 2)) / 2, within(FEW_FLOAT32_OPS));
        assertThat((double) s.valueAt(0, 2)).isCloseTo(0.3 * (1 + Math.cos(Math.PI * 0.2)) / 2, within(FEW_FLOAT32_OPS));
        // Math.cos(π) is −1 to within a double ulp, so 1 + cos(π) leaves at most ~1e-16 before the float cast
        assertThat((double) s.valueAt(0, 50)).isCloseTo(0, within(1e-7));
    }

    @Test
    void step_byEpoch_multipliesEveryPeriod() {
        Schedule s = Schedule.step(1f, 0.5f, 2);
        assertThat(s.valueAt(1, 0)).isEqualTo(1f);
        assertThat(s.valueAt(2, 0)).isEqualTo(0.5f);
        assertThat(s.valueAt(5, 0)).isEqualTo(0.25f);
    }

    @Test
    void linear_zeroEpochs_isRejected() {
        assertThatThrownBy(() -> Schedule.linear(1f, 0f, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive number of epochs");
    }
}
