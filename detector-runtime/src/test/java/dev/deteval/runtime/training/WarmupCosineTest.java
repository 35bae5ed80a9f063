package dev.deteval.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class WarmupCosineTest {

    private final WarmupCosine rate = new WarmupCosine(0.01f, 10, 110);

    @Test
    void getNewValue_duringWarmup_risesLinearly() {
        assertThat((double) rate.getNewValue(1)).isCloseTo(0.01 * 1 / 10, within(1e-9));
        assertThat((double) rate.getNewValue(10)).isCloseTo(0.01, within(1e-9));
    }

    @Test
    void getNewValue_afterWarmup_followsHalfCosineToZero() {
        assertThat((double) rate.getNewValue(60)).isCloseTo(0.01 * (1 + Math.cos(Math.PI * 50 / 100)) / 2, within(1e-9));
        assertThat((double) rate.getNewValue(110)).isCloseTo(0, within(1e-9));
    }
}
