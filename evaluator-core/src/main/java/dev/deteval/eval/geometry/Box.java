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

    /** Horizontal centre {@code (x1 + x2) / 2}. */
    public double centerX() {
        return (x1 + x2) / 2;
    }

    /** Vertical centre {@code (y1 + y2) / 2}. */
    public double centerY() {
        return (y1 + y2) / 2;
    }

    /**
     * This box clipped to the image {@code [0, imageWidth] x [0, imageHeight]}: each edge is clamped
     * into that range, so a box wholly outside becomes a zero-width or zero-height box on the border.
     *
     * @param imageWidth image width, not negative (1 for normalised boxes)
     * @param imageHeight image height, not negative (1 for normalised boxes)
     */
    public Box clip(double imageWidth, double imageHeight) {
        double[] c = BoxArrays.clip(new double[] {x1, y1, x2, y2}, BoxFormat.XYXY, imageWidth, imageHeight);
        return new Box(c[0], c[1], c[2], c[3]);
    }

    /**
     * This box, in pixels, as fractions of the image size: x edges divided by {@code imageWidth}, y
     * edges by {@code imageHeight}.
     *
     * @param imageWidth image width in pixels, positive
     * @param imageHeight image height in pixels, positive
     */
    public Box normalize(double imageWidth, double imageHeight) {
        double[] c = BoxArrays.normalize(new double[] {x1, y1, x2, y2}, imageWidth, imageHeight);
        return new Box(c[0], c[1], c[2], c[3]);
    }

    /**
     * This box, in fractions of the image size, in pixels: the inverse of {@link #normalize}.
     *
     * @param imageWidth image width in pixels, positive
     * @param imageHeight image height in pixels, positive
     */
    public Box denormalize(double imageWidth, double imageHeight) {
        double[] c = BoxArrays.denormalize(new double[] {x1, y1, x2, y2}, imageWidth, imageHeight);
        return new Box(c[0], c[1], c[2], c[3]);
    }
}
