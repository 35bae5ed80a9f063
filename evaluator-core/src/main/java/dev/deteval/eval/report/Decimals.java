package dev.deteval.eval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point formatting as Python's {@code '{:0.Nf}'.format(x)} does it: the exact binary value
 * rounded half-to-even, so printed summaries equal pycocotools' character for character.
 */
final class Decimals {

    private Decimals() {
    }

    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (value < 0 || (value == 0 && 1 / value < 0)) {
            // Python keeps the sign of a negative value that rounds to zero: '-0.000'
            if (!s.startsWith("-")) {
                s = "-" + s;
            }
        }
        return s;
    }
}
