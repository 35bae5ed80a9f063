package dev.deteval.eval.data;

import dev.deteval.eval.internal.Growable;
import java.util.Arrays;

/**
 * Detections (COCO "results") held in columns: for detection {@code i}, its image id, category id,
 * box {@code [x, y, w, h]} in pixels (continuous coordinates, top-left origin) and confidence score.
 *
 * <p>Input order is kept: COCO evaluation breaks score ties by it. Immutable; callers must not modify
 * the arrays returned by the {@code *Column} accessors.
 */
public final class Detections {

    private final long[] imageIds;
    private final long[] categoryIds;
    private final double[] boxes;
    private final double[] scores;

    private Detections(long[] imageIds, long[] categoryIds, double[] boxes, double[] scores) {
        this.imageIds = imageIds;
        this.categoryIds = categoryIds;
        this.boxes = boxes;
        this.scores = scores;
    }

    /** A builder for detections added one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** No detections. */
    public static Detections empty() {
        return builder().build();
    }

    /** The detections of {@code parts} one after the other, in order. */
    public static Detections concat(Detections... parts) {
        int n = 0;
        for (Detections d : parts) {
            n += d.size();
        }
        long[] imageIds = new long[n];
        long[] categoryIds = new long[n];
        double[] boxes = new double[4 * n];
        double[] scores = new double[n];
        int at = 0;
        for (Detections d : parts) {
            int m = d.size();
            System.arraycopy(d.imageIds, 0, imageIds, at, m);
            System.arraycopy(d.categoryIds, 0, categoryIds, at, m);
            System.arraycopy(d.boxes, 0, boxes, 4 * at, 4 * m);
            System.arraycopy(d.scores, 0, scores, at, m);
            at += m;
        }
        return new Detections(imageIds, categoryIds, boxes, scores);
    }

    /** Number of detections. */
    public int size() {
        return scores.length;
    }

    /** Image id of each detection. Do not modify. */
    public long[] imageIdColumn() {
        return imageIds;
    }

    /** Category id of each detection. Do not modify. */
    public long[] categoryIdColumn() {
        return categoryIds;
    }

    /** Boxes as {@code [x, y, w, h]} quadruples, 4 values per detection. Do not modify. */
    public double[] boxColumn() {
        return boxes;
    }

    /** Score of each detection. Do not modify. */
    public double[] scoreColumn() {
        return scores;
    }

    /** Collects detections; not thread-safe. */
    public static final class Builder {
        private int size;
        private long[] imageIds = new long[0];
        private long[] categoryIds = new long[0];
        private double[] boxes = new double[0];
        private double[] scores = new double[0];

        private Builder() {
        }

        /** Number of detections added so far. */
        public int size() {
            return size;
        }

        /**
         * Adds one detection.
         *
         * @param x left edge in pixels
         * @param y top edge in pixels
         * @param w width in pixels, not negative
         * @param h height in pixels, not negative
         * @param score confidence, finite (higher is more confident)
         * @throws IllegalArgumentException on a non-finite number or a negative width or height
         */
        public Builder add(long imageId, long categoryId, double x, double y, double w, double h, double score) {
            GroundTruth.requireFinite(x, y, w, h, score);
            if (w < 0 || h < 0) {
                throw new IllegalArgumentException("detection " + size + ": width and height must not be negative, got "
                        + w + " x " + h);
            }
            int cap = Growable.next(scores.length, size + 1);
            if (cap != scores.length) {
                imageIds = Growable.grow(imageIds, cap);
                categoryIds = Growable.grow(categoryIds, cap);
                boxes = Growable.grow(boxes, 4 * cap);
                scores = Growable.grow(scores, cap);
            }
            imageIds[size] = imageId;
            categoryIds[size] = categoryId;
            boxes[4 * size] = x;
            boxes[4 * size + 1] = y;
            boxes[4 * size + 2] = w;
            boxes[4 * size + 3] = h;
            scores[size] = score;
            size++;
            return this;
        }

        /** Adds every detection of {@code other}, in its order. */
        public Builder addAll(Detections other) {
            for (int i = 0; i < other.size(); i++) {
                add(other.imageIds[i], other.categoryIds[i], other.boxes[4 * i], other.boxes[4 * i + 1],
                        other.boxes[4 * i + 2], other.boxes[4 * i + 3], other.scores[i]);
            }
            return this;
        }

        /** The detections added so far. The builder stays usable. */
        public Detections build() {
            return new Detections(Arrays.copyOf(imageIds, size), Arrays.copyOf(categoryIds, size),
                    Arrays.copyOf(boxes, 4 * size), Arrays.copyOf(scores, size));
        }
    }
}
