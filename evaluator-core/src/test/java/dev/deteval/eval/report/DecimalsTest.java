package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Decimals#fixed}'s double route against the exact one, and Python's spellings of special values. */
class DecimalsTest {

    /** The exact route alone: the value's binary expansion rounded half-to-even, the sign kept as Python does. */
    private static String exact(double value, int decimals) {
        String s = new BigDecimal(Math.abs(value)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return value < 0 || (value == 0 && 1 / value < 0) ? "-" + s : s;
    }

    @Test
    void fixed_randomValuesAndHalves_sameAsExactRoute() {
        Random r = new Random(11);
        for (int trial = 0; trial < 2_000_000; trial++) {
            int decimals = r.nextInt(Decimals.FAST_DECIMALS + 3);
            double value = switch (trial % 5) {
                case 0 -> r.nextDouble();
                case 1 -> (r.nextInt(20_001) - 10_000) / Math.pow(10, decimals) / 2; // halves and near-halves
                case 2 -> Math.nextAfter((r.nextInt(2_001) + 0.5) / Math.pow(10, decimals), r.nextBoolean() ? 1 : -1);
                case 3 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(14));
                default -> Double.longBitsToDouble(r.nextLong());
            };
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            assertThat(Decimals.fixed(value, decimals)).as("%s with %d decimals", value, decimals)
                    .isEqualTo(exact(value, decimals));
        }
    }

    @Test
    void fixed_tiesAndZeros_halfToEvenOfTheBinaryValue() {
        // 0.125 and 0.375 are exact in binary: ties, to even; 2.675 is 2.67499999… in binary
        assertThat(Decimals.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(Decimals.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(Decimals.fixed(2.675, 2)).isEqualTo("2.67");
        assertThat(Decimals.fixed(0.5, 0)).isEqualTo("0");
        assertThat(Decimals.fixed(1.5, 0)).isEqualTo("2");
        assertThat(Decimals.fixed(-0.0001, 3)).isEqualTo("-0.000");
        assertThat(Decimals.fixed(-0.0, 3)).isEqualTo("-0.000");
        assertThat(Decimals.fixed(0.0, 3)).isEqualTo("0.000");
        assertThat(Decimals.fixed(0.0005, 3)).isEqualTo("0.001"); // 0.0005 is 0.000500000000000000010… in binary
        assertThat(Decimals.fixed(123456.789, 1)).isEqualTo("123456.8");
        assertThat(Decimals.fixed(1e300, 2)).isEqualTo(exact(1e300, 2));
    }

    @Test
    void fixed_specialValues_pythonSpelling() {
        assertThat(Decimals.fixed(Double.NaN, 3)).isEqualTo("nan");
        assertThat(Decimals.fixed(Double.POSITIVE_INFINITY, 3)).isEqualTo("inf");
        assertThat(Decimals.fixed(Double.NEGATIVE_INFINITY, 3)).isEqualTo("-inf");
    }
}
