package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class DecimalTextTest {

    @Test
    void of_productWithFloatingNoise_twelveSignificantDigits() {
        assertThat(0.57 * 480).isNotEqualTo(273.6); // 273.59999999999997 in binary floating point
        assertThat(DecimalText.of(0.57 * 480)).isEqualTo("273.6");
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
