package dev.deteval.eval.geometry;

/**
 * An axis-aligned box by its edges, in continuous pixel coordinates (no +1 convention): left
 * {@code x1}, top {@code y1}, right {@code x2}, bottom {@code y2}. A box with {@code x2 < x1} or
 * {@code y2 < y1} is invalid.
 *
 * @param x1 left edge
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 */
public record Box(double x1, double y1, double x2, double y2) {

    /** Checks that the edges are finite and ordered. */
    public Box {
        if (!(Double.isFinite(x1) && Double.isFinite(y1) && Double.isFinite(x2) && Double.isFinite(y2))) {
            throw new IllegalArgumentException("box edges must be finite: " + x1 + ", " + y1 + ", " + x2 + ", " + y2);
        }
        if (x2 < x1 || y2 < y1) {
            throw new IllegalArgumentException("box has negative width or height: [" + x1 + ", " + y1 + ", " + x2
                    + ", " + y2 + "]");
        }
    }

    /** A box from COCO's {@code [x, y, w, h]}. */
    public static Box ofXywh(double x, double y, double w, double h) {
        return BoxFormat.XYWH.toBox(x, y, w, h);
    }

    /** Width {@code x2 - x1}. */
    public double width() {
        return x2 - x1;
    }

    /** Height {@code y2 - y1}. */
    public double height() {
        return y2 - y1;
    }

    /** Area {@code width * height} in pixels². */
    public double area() {
        return width() * height();
    }
}
