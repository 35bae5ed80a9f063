package dev.deteval.eval.voc;

/** Validation of boxes given by their corners {@code [xmin, ymin, xmax, ymax]}. */
final class Corners {

    private Corners() {
    }

    /**
     * Checks that the corners are finite with {@code xmin <= xmax} and {@code ymin <= ymax}.
     *
     * @param what names the box in the message
     * @throws IllegalArgumentException otherwise
     */
    static void require(String what, double xmin, double ymin, double xmax, double ymax) {
        if (!(Double.isFinite(xmin) && Double.isFinite(ymin) && Double.isFinite(xmax) && Double.isFinite(ymax))) {
            throw new IllegalArgumentException(what + ": box coordinates must be finite, got "
                    + text(xmin, ymin, xmax, ymax));
        }
        if (xmax < xmin || ymax < ymin) {
            throw new IllegalArgumentException(what + ": box must have xmin <= xmax and ymin <= ymax, got "
                    + text(xmin, ymin, xmax, ymax));
        }
    }

    private static String text(double xmin, double ymin, double xmax, double ymax) {
        return "[" + xmin + ", " + ymin + ", " + xmax + ", " + ymax + "]";
    }
}
