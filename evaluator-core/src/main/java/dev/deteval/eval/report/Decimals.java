package dev.deteval.eval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point formatting as Python's {@code '{:0.Nf}'.format(x)} does it: the exact binary value
 * rounded half-to-even, so printed summaries equal pycocotools' character for character.
 *
 * <p>Most values are rounded in {@code double} arithmetic: {@code |x| * 10^N} is computed with an error of at
 * most half an ulp, so when that product lies clearly away from a half (by more than {@link #MARGIN}, far more
 * than the ulp of any product below {@link #FAST_LIMIT}) the exact value rounds to the same integer. Values
 * near a half, large values and more than {@value #FAST_DECIMALS} decimals take the exact route through
 * {@link BigDecimal}. {@code DecimalsTest} compares the two routes on millions of values, ties included.
 */
final class Decimals {

    /** Decimals up to which the double route is taken (10^N is exact in a double). */
    static final int FAST_DECIMALS = 9;
    /** Products {@code |x| * 10^N} below this take the double route: their ulp is at most 2^-19. */
    static final double FAST_LIMIT = 1 << 30;
    /** How far from a half the double product must lie for the double route. */
    static final double MARGIN = 1e-4;

    private static final long[] POWERS = new long[FAST_DECIMALS + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        // Python keeps the sign of a negative value that rounds to zero: '-0.000'
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        String s = decimals >= 0 && decimals <= FAST_DECIMALS ? fast(Math.abs(value), decimals) : null;
        if (s == null) {
            s = new BigDecimal(Math.abs(value)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        }
        return negative ? "-" + s : s;
    }

    /** {@code x >= 0} with {@code decimals} decimals, or null when the exact route must decide. */
    private static String fast(double x, int decimals) {
        double scaled = x * POWERS[decimals];
        if (!(scaled < FAST_LIMIT)) {
            return null;
        }
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) <= MARGIN) {
            return null;
        }
        long n = (long) floor + (fraction > 0.5 ? 1 : 0);
        String digits = Long.toString(n);
        if (decimals == 0) {
            return digits;
        }
        StringBuilder out = new StringBuilder(decimals + 3);
        int whole = digits.length() - decimals;
        if (whole <= 0) {
            out.append("0.");
            for (int i = whole; i < 0; i++) {
                out.append('0');
            }
            return out.append(digits).toString();
        }
        return out.append(digits, 0, whole).append('.').append(digits, whole, digits.length()).toString();
    }
}
