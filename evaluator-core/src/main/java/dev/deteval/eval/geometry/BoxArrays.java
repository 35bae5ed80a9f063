package dev.deteval.eval.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Box operations on flat arrays: {@code n} boxes are held in a {@code double[4 * n]}, box {@code i} in
 * elements {@code 4i .. 4i+3} in some {@link BoxFormat}. Coordinates are continuous (no +1 pixel
 * convention), with the origin at the top-left corner and y pointing down; "pixel" coordinates are in
 * pixels and "normalised" ones are fractions of the image width (x values and widths) and height (y
 * values and heights).
 *
 * <p>Every method returns a new array and leaves its input unchanged. An array whose length is not a
 * multiple of 4 is an {@link IllegalArgumentException}.
 */
public final class BoxArrays {

    private BoxArrays() {
    }

    /**
     * Converts boxes from one format to another.
     *
     * <p>Formulas: xyxy from xywh {@code x2 = x + w}; xywh from xyxy {@code w = x2 - x1}; cxcywh from
     * xyxy {@code cx = (x1 + x2) / 2, w = x2 - x1}; xyxy from cxcywh {@code x1 = cx - w / 2,
     * x2 = cx + w / 2}; xywh and cxcywh convert directly with {@code cx = x + w / 2} and
     * {@code x = cx - w / 2}. Likewise for y and heights.
     *
     * @param boxes {@code double[4n]} in format {@code from}
     * @return {@code double[4n]} in format {@code to} (a copy when the formats are equal)
     */
    public static double[] convert(double[] boxes, BoxFormat from, BoxFormat to) {
        requireQuads(boxes);
        double[] out = new double[boxes.length];
        for (int k = 0; k < boxes.length; k += 4) {
            convertOne(boxes, k, from, to, out);
        }
        return out;
    }

    private static void convertOne(double[] in, int k, BoxFormat from, BoxFormat to, double[] out) {
        double a = in[k];
        double b = in[k + 1];
        double c = in[k + 2];
        double d = in[k + 3];
        if (from == to) {
            set(out, k, a, b, c, d);
            return;
        }
        switch (from) {
            case XYXY -> {
                if (to == BoxFormat.XYWH) {
                    set(out, k, a, b, c - a, d - b);
                } else {
                    set(out, k, (a + c) / 2, (b + d) / 2, c - a, d - b);
                }
            }
            case XYWH -> {
                if (to == BoxFormat.XYXY) {
                    set(out, k, a, b, a + c, b + d);
                } else {
                    set(out, k, a + c / 2, b + d / 2, c, d);
                }
            }
            case CXCYWH -> {
                if (to == BoxFormat.XYXY) {
                    set(out, k, a - c / 2, b - d / 2, a + c / 2, b + d / 2);
                } else {
                    set(out, k, a - c / 2, b - d / 2, c, d);
                }
            }
        }
    }

    /**
     * Pixel coordinates to normalised ones: x values and widths are divided by {@code imageWidth}, y
     * values and heights by {@code imageHeight}. The same rule fits every {@link BoxFormat}, so no
     * format is needed.
     *
     * @param boxes {@code double[4n]} in pixels, any format
     * @param imageWidth image width in pixels, positive
     * @param imageHeight image height in pixels, positive
     * @return {@code double[4n]} in the same format, normalised
     */
    public static double[] normalize(double[] boxes, double imageWidth, double imageHeight) {
        requireQuads(boxes);
        requirePositive(imageWidth, imageHeight);
        double[] out = new double[boxes.length];
        for (int k = 0; k < boxes.length; k += 4) {
            set(out, k, boxes[k] / imageWidth, boxes[k + 1] / imageHeight, boxes[k + 2] / imageWidth,
                    boxes[k + 3] / imageHeight);
        }
        return out;
    }

    /**
     * Normalised coordinates to pixels: the inverse of {@link #normalize}, multiplying x values and
     * widths by {@code imageWidth} and y values and heights by {@code imageHeight}.
     *
     * @param boxes {@code double[4n]} normalised, any format
     * @return {@code double[4n]} in pixels, same format
     */
    public static double[] denormalize(double[] boxes, double imageWidth, double imageHeight) {
        requireQuads(boxes);
        requirePositive(imageWidth, imageHeight);
        double[] out = new double[boxes.length];
        for (int k = 0; k < boxes.length; k += 4) {
            set(out, k, boxes[k] * imageWidth, boxes[k + 1] * imageHeight, boxes[k + 2] * imageWidth,
                    boxes[k + 3] * imageHeight);
        }
        return out;
    }

    /**
     * Clips boxes to the image {@code [0, imageWidth] x [0, imageHeight]}: each edge is clamped into
     * that range, then the box is written back in its format. A box wholly outside the image becomes a
     * zero-width or zero-height box on the border. Use 1 for both sizes to clip normalised boxes.
     *
     * @param boxes {@code double[4n]} in {@code format}
     * @param imageWidth image width, not negative
     * @param imageHeight image height, not negative
     * @return {@code double[4n]} in {@code format}
     */
    public static double[] clip(double[] boxes, BoxFormat format, double imageWidth, double imageHeight) {
        requireQuads(boxes);
        if (!(imageWidth >= 0 && imageHeight >= 0 && Double.isFinite(imageWidth) && Double.isFinite(imageHeight))) {
            throw new IllegalArgumentException("image size must be finite and not negative, got " + imageWidth + " x "
                    + imageHeight);
        }
        double[] xyxy = convert(boxes, format, BoxFormat.XYXY);
        for (int k = 0; k < xyxy.length; k += 4) {
            xyxy[k] = clamp(xyxy[k], imageWidth);
            xyxy[k + 1] = clamp(xyxy[k + 1], imageHeight);
            xyxy[k + 2] = clamp(xyxy[k + 2], imageWidth);
            xyxy[k + 3] = clamp(xyxy[k + 3], imageHeight);
        }
        return format == BoxFormat.XYXY ? xyxy : convert(xyxy, BoxFormat.XYXY, format);
    }

    /**
     * Boxes from a flat array.
     *
     * @param boxes {@code double[4n]} in {@code format}
     * @return {@code n} boxes
     * @throws IllegalArgumentException if a box has a negative width or height or a non-finite value
     */
    public static List<Box> toBoxes(double[] boxes, BoxFormat format) {
        requireQuads(boxes);
        List<Box> out = new ArrayList<>(boxes.length / 4);
        for (int k = 0; k < boxes.length; k += 4) {
            out.add(format.toBox(boxes[k], boxes[k + 1], boxes[k + 2], boxes[k + 3]));
        }
        return out;
    }

    /**
     * A flat array from boxes.
     *
     * @return {@code double[4n]} in {@code format}
     */
    public static double[] fromBoxes(List<Box> boxes, BoxFormat format) {
        double[] out = new double[4 * boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            System.arraycopy(format.fromBox(boxes.get(i)), 0, out, 4 * i, 4);
        }
        return out;
    }

    static void requireQuads(double[] boxes) {
        if (boxes.length % 4 != 0) {
            throw new IllegalArgumentException("boxes must hold 4 values per box, got an array of length "
                    + boxes.length);
        }
    }

    private static void requirePositive(double imageWidth, double imageHeight) {
        if (!(imageWidth > 0 && imageHeight > 0 && Double.isFinite(imageWidth) && Double.isFinite(imageHeight))) {
            throw new IllegalArgumentException("image size must be finite and positive, got " + imageWidth + " x "
                    + imageHeight);
        }
    }

    private static double clamp(double v, double max) {
        return Math.min(Math.max(v, 0), max);
    }

    private static void set(double[] out, int k, double a, double b, double c, double d) {
        out[k] = a;
        out[k + 1] = b;
        out[k + 2] = c;
        out[k + 3] = d;
    }
}
