package dev.deteval.eval.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers written by the dataset converters: rounded to 12 significant digits, trailing zeros dropped,
 * never in exponent form ({@code 64}, {@code 0.3}, {@code 133.34}). Twelve digits remove the noise of one
 * multiplication and division ({@code 0.57 * 480 = 273.59999999999997}) and keep every value within
 * 5·10⁻¹² of its size, far below a pixel for any image.
 */
final class DecimalText {

    private static final MathContext DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

    private DecimalText() {
    }

    /** {@code v} (finite) as text. */
    static String of(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
    }

    /** {@code v} rounded as {@link #of} writes it. */
    static double rounded(double v) {
        return Double.parseDouble(of(v));
    }
}
