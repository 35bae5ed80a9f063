package dev.deteval.eval.voc;

/**
 * How box corners {@code [xmin, ymin, xmax, ymax]} are turned into widths, heights and areas when two
 * boxes are compared.
 */
public enum BoxConvention {

    /**
     * Inclusive pixel indices, as in the VOC devkit and voc_eval.py: a box covers the pixels
     * {@code xmin..xmax}, so its width is {@code xmax - xmin + 1} and its height {@code ymax - ymin + 1}.
     * The intersection width is {@code max(min(xmax) - max(xmin) + 1, 0)}, likewise its height.
     */
    PIXEL_PLUS_ONE(1.0),

    /**
     * Continuous coordinates: width {@code xmax - xmin}, height {@code ymax - ymin}, intersection width
     * {@code max(min(xmax) - max(xmin), 0)}. This is the convention of COCO boxes.
     */
    CONTINUOUS(0.0);

    private final double extent;

    BoxConvention(double extent) {
        this.extent = extent;
    }

    /** The amount added to every coordinate difference: 1 or 0 (adding 0.0 leaves a value unchanged). */
    double extent() {
        return extent;
    }
}
