package dev.deteval.eval.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TruncationTest {

    @Test
    void toInt_inRange_truncatesTowardZero() {
        // (int)(5 * -6.04 + .5) = (int)(-29.7) = -29 in C, not floor's -30
        assertThat(Truncation.toInt(5 * -6.04 + .5)).isEqualTo(-29);
        assertThat(Truncation.toInt(2.9)).isEqualTo(2);
    }

    @Test
    void toInt_nanOrOutOfRange_isIntMinLikeX86() {
        assertThat(Truncation.toInt(Double.NaN)).isEqualTo(Integer.MIN_VALUE);
        assertThat(Truncation.toInt(3e9)).isEqualTo(Integer.MIN_VALUE);
        assertThat(Truncation.toInt(-2147483648.9)).isEqualTo(Integer.MIN_VALUE);
    }
}
