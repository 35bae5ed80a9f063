package dev.deteval.eval.mask;

/**
 * C's {@code (int) double} conversion as compiled for x86-64 (the platform of the reference pycocotools
 * builds): truncation toward zero, and {@code INT_MIN} for NaN or a value out of {@code int} range, where
 * Java's cast would give 0 or saturate.
 */
final class Truncation {

    private Truncation() {
    }

    static int toInt(double v) {
        if (v > -2147483649.0 && v < 2147483648.0) {
            return (int) v;
        }
        return Integer.MIN_VALUE;
    }
}
