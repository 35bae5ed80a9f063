package dev.deteval.eval.nms;

import dev.deteval.eval.geometry.BoxFormat;
import java.util.Objects;

/** Checks of the array form of NMS input, with messages that name the offending element. */
final class Input {

    private Input() {
    }

    /**
     * @param boxes {@code double[4n]} in {@code format}: finite, with non-negative width and height
     * @param scores {@code double[n]}, finite
     * @param classIds {@code int[n]} or null
     */
    static void check(double[] boxes, BoxFormat format, double[] scores, int[] classIds) {
        Objects.requireNonNull(boxes, "boxes must not be null");
        Objects.requireNonNull(scores, "scores must not be null");
        int n = scores.length;
        if (boxes.length != 4L * n) {
            throw new IllegalArgumentException("boxes must hold 4 values per score: " + n + " scores need "
                    + 4L * n + " box values, got " + boxes.length);
        }
        if (classIds != null && classIds.length != n) {
            throw new IllegalArgumentException("classIds must hold one id per score: " + n + " scores, got "
                    + classIds.length + " class ids");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] must be finite, got " + scores[i]);
            }
            checkBox(boxes, 4 * i, format, i);
        }
    }

    private static void checkBox(double[] boxes, int k, BoxFormat format, int i) {
        double a = boxes[k];
        double b = boxes[k + 1];
        double c = boxes[k + 2];
        double d = boxes[k + 3];
        boolean finite = Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d);
        boolean ordered = format == BoxFormat.XYXY ? c >= a && d >= b : c >= 0 && d >= 0;
        if (!finite || !ordered) {
            throw new IllegalArgumentException("box " + i + " " + format + " [" + a + ", " + b + ", " + c + ", " + d
                    + "] " + (finite ? "has a negative width or height" : "has a non-finite value"));
        }
    }
}
