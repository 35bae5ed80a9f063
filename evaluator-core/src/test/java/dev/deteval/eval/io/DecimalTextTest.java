package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class DecimalTextTest {

    @Test
    void of_productWithFloatingNoise_twelveSignificantDigits() {
        assertThat(0.1 * 640).isNotEqualTo(64.0); // 64.00000000000001 in binary floating point
        assertThat(DecimalText.of(0.1 * 640)).isEqualTo("64");
        assertThat(DecimalText.of(0.1 + 0.2)).isEqualTo("0.3");
    }

    @Test
    void of_ordinaryValues_plainTextWithoutExponent() {
        assertThat(DecimalText.of(133.34)).isEqualTo("133.34");
        assertThat(DecimalText.of(0)).isEqualTo("0");
        assertThat(DecimalText.of(1e-7)).isEqualTo("0.0000001");
        assertThat(DecimalText.of(-2.5)).isEqualTo("-2.5");
        assertThat(DecimalText.of(1234567.891234567)).isEqualTo("1234567.89123");
    }
}
