package dev.deteval.eval.data;

import dev.deteval.eval.internal.Growable;
import dev.deteval.eval.mask.Rle;
import java.util.Arrays;
import java.util.Objects;

/**
 * Detections (COCO "results") held in columns: for detection {@code i}, its image id, category id,
 * box {@code [x, y, w, h]} in pixels (continuous coordinates, top-left origin) and confidence score.
 *
 * <p>Input order is kept: COCO evaluation breaks score ties by it. Immutable: every {@code *Column}
 * accessor returns a fresh copy, which the caller may change freely.
 */
public final class Detections {

    static {
        DataColumns.install();
    }

    final long[] imageIds;
    final long[] categoryIds;
    final double[] boxes;
    final double[] scores;
    final double[] areas;
    final Rle[] masks; // null when no detection has a mask
    private final KeypointColumn keypoints; // null when no detection has keypoints
    private final double[] times; // null when no detection has a time

    private Detections(long[] imageIds, long[] categoryIds, double[] boxes, double[] scores, double[] areas,
            Rle[] masks, KeypointColumn keypoints, double[] times) {
        this.imageIds = imageIds;
        this.categoryIds = categoryIds;
        this.boxes = boxes;
        this.scores = scores;
        this.areas = areas;
        this.masks = masks;
        this.keypoints = keypoints;
        this.times = times;
    }

    /** A builder for detections added one by one. */
    public static Builder builder() {
        return new Builder(0);
    }

    /**
     * A builder with room for {@code expectedSize} detections before its columns grow (a hint: more
     * may be added, fewer leave the rest unused).
     */
    public static Builder builder(int expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize must not be negative, got " + expectedSize);
        }
        return new Builder(expectedSize);
    }

    /** No detections. */
    public static Detections empty() {
        return builder().build();
    }

    /**
     * The detections collected by {@code parts} one after the other, in order, copied from the builders'
     * columns straight into the final ones (no part is built and trimmed first).
     */
    public static Detections concat(Builder... parts) {
        int n = 0;
        boolean anyMasks = false;
        boolean anyKeypoints = false;
        boolean anyTimes = false;
        for (Builder b : parts) {
            n += b.size;
            anyMasks |= b.masks != null;
            anyKeypoints |= b.keypoints != null;
            anyTimes |= b.times != null;
        }
        long[] imageIds = new long[n];
        long[] categoryIds = new long[n];
        double[] boxes = new double[4 * n];
        double[] scores = new double[n];
        double[] areas = new double[n];
        Rle[] masks = anyMasks ? new Rle[n] : null;
        KeypointColumn.Slices[] keypointParts = anyKeypoints ? new KeypointColumn.Slices[parts.length] : null;
        int[] partSizes = new int[parts.length];
        double[] times = anyTimes ? new double[n] : null;
        if (times != null) {
            Arrays.fill(times, Double.NaN);
        }
        int at = 0;
        for (int p = 0; p < parts.length; p++) {
            Builder b = parts[p];
            int m = b.size;
            partSizes[p] = m;
            System.arraycopy(b.imageIds, 0, imageIds, at, m);
            System.arraycopy(b.categoryIds, 0, categoryIds, at, m);
            System.arraycopy(b.boxes, 0, boxes, 4 * at, 4 * m);
            System.arraycopy(b.scores, 0, scores, at, m);
            System.arraycopy(b.areas, 0, areas, at, m);
            if (b.masks != null) {
                System.arraycopy(b.masks, 0, masks, at, m);
            }
            if (keypointParts != null) {
                keypointParts[p] = b.keypoints;
            }
            if (b.times != null) {
                System.arraycopy(b.times, 0, times, at, m);
            }
            at += m;
        }
        return new Detections(imageIds, categoryIds, boxes, scores, areas, masks,
                keypointParts == null ? null : KeypointColumn.of(keypointParts, partSizes), times);
    }

    /** Number of detections. */
    public int size() {
        return scores.length;
    }

    /** Image id of each detection (a copy). */
    public long[] imageIdColumn() {
        return imageIds.clone();
    }

    /** Category id of each detection (a copy). */
    public long[] categoryIdColumn() {
        return categoryIds.clone();
    }

    /** Boxes as {@code [x, y, w, h]} quadruples, 4 values per detection (a copy). */
    public double[] boxColumn() {
        return boxes.clone();
    }

    /** Score of each detection (a copy). */
    public double[] scoreColumn() {
        return scores.clone();
    }

    /**
     * The area of each detection used for area ranges (pixels²): {@code w * h} of its box unless set
     * otherwise (a segm result's mask area). A copy.
     */
    public double[] areaColumn() {
        return areas.clone();
    }

    /** The mask of each detection, or null where it has none (a copy of the array). */
    public Rle[] maskColumn() {
        return masks != null ? masks.clone() : new Rle[size()];
    }

    /** The keypoints of each detection as {@code [x, y, v]} triples (empty where there are none). */
    public KeypointColumn keypoints() {
        return keypoints != null ? keypoints : KeypointColumn.of(new double[size()][]);
    }

    /** Whether any detection has a time (see {@link #timeColumn()}). */
    public boolean hasTimes() {
        return times != null;
    }

    /**
     * The time of each detection (a results file's optional {@code "time"}: a frame index or seconds, in
     * the results' own unit), NaN where a detection has none; all NaN when none has one. A copy.
     */
    public double[] timeColumn() {
        if (times == null) {
            double[] none = new double[size()];
            Arrays.fill(none, Double.NaN);
            return none;
        }
        return times.clone();
    }

    /** Collects detections; not thread-safe. */
    public static final class Builder {
        private int size;
        private long[] imageIds;
        private long[] categoryIds;
        private double[] boxes;
        private double[] scores;
        private double[] areas;
        // only allocated once a detection has a mask or keypoints: box-only lists stay primitive
        private Rle[] masks;
        private KeypointColumn.Slices keypoints;
        private double[] times; // NaN where a detection has no time

        private Builder(int capacity) {
            imageIds = new long[capacity];
            categoryIds = new long[capacity];
            boxes = new double[4 * capacity];
            scores = new double[capacity];
            areas = new double[capacity];
        }

        /** Number of detections added so far. */
        public int size() {
            return size;
        }

        /**
         * Gives back the room of a builder sized far beyond what it received (more than twice its size, as
         * when a size hint was guessed from bytes that were mostly white space); a builder near its size is
         * left alone, so nothing is copied in the common case.
         */
        public Builder trimmed() {
            if (scores.length > 2 * size + 16) {
                imageIds = Arrays.copyOf(imageIds, size);
                categoryIds = Arrays.copyOf(categoryIds, size);
                boxes = Arrays.copyOf(boxes, 4 * size);
                scores = Arrays.copyOf(scores, size);
                areas = Arrays.copyOf(areas, size);
                masks = masks == null ? null : Arrays.copyOf(masks, size);
                if (keypoints != null) {
                    keypoints.objects(size);
                }
                times = times == null ? null : Arrays.copyOf(times, size);
            }
            return this;
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
                areas = Growable.grow(areas, cap);
                masks = masks == null ? null : Arrays.copyOf(masks, cap);
                if (keypoints != null) {
                    keypoints.objects(cap);
                }
                times = times == null ? null : grownTimes(cap);
            }
            imageIds[size] = imageId;
            categoryIds[size] = categoryId;
            boxes[4 * size] = x;
            boxes[4 * size + 1] = y;
            boxes[4 * size + 2] = w;
            boxes[4 * size + 3] = h;
            scores[size] = score;
            areas[size] = w * h;
            size++;
            return this;
        }

        /**
         * Sets the area (pixels², finite, not negative) of the detection added last, replacing
         * {@code w * h}.
         */
        public Builder area(double area) {
            GroundTruth.requireFinite(area);
            if (area < 0) {
                throw new IllegalArgumentException("detection " + (size - 1) + ": area must not be negative, got "
                        + area);
            }
            areas[last()] = area;
            return this;
        }

        /** Sets the mask of the detection added last (segm evaluation). */
        public Builder mask(Rle mask) {
            Objects.requireNonNull(mask, "mask");
            if (masks == null) {
                masks = new Rle[scores.length];
            }
            masks[last()] = mask;
            return this;
        }

        /**
         * Sets the keypoints of the detection added last.
         *
         * @param xyv {@code [x, y, v]} triples in pixels; {@code v} is not used by OKS
         * @throws IllegalArgumentException when the length is not a multiple of 3
         */
        public Builder keypoints(double[] xyv) {
            return keypoints(xyv, xyv.length);
        }

        /**
         * Sets the keypoints of the detection added last to the first {@code length} values of {@code xyv}
         * (copied: the caller may reuse the array).
         *
         * @param xyv {@code [x, y, v]} triples in pixels; {@code v} is not used by OKS
         * @throws IllegalArgumentException when {@code length} is not a multiple of 3 or exceeds the array
         */
        public Builder keypoints(double[] xyv, int length) {
            if (length % 3 != 0 || length < 0 || length > xyv.length) {
                throw new IllegalArgumentException("keypoints must be [x, y, v] triples, got " + length
                        + " numbers");
            }
            int i = last();
            if (keypoints == null) {
                keypoints = new KeypointColumn.Slices(scores.length);
            }
            keypoints.set(i, xyv, length);
            return this;
        }

        /**
         * Sets the time of the detection added last: a frame index or a time in seconds (any finite
         * number; the unit is the caller's), read by time-dependent metrics.
         */
        public Builder time(double time) {
            GroundTruth.requireFinite(time);
            int i = last();
            if (times == null) {
                times = new double[scores.length];
                Arrays.fill(times, Double.NaN);
            }
            times[i] = time;
            return this;
        }

        private double[] grownTimes(int cap) {
            int old = times.length;
            double[] grown = Arrays.copyOf(times, cap);
            Arrays.fill(grown, old, cap, Double.NaN);
            return grown;
        }

        private int last() {
            if (size == 0) {
                throw new IllegalStateException("add a detection first");
            }
            return size - 1;
        }

        /** Adds every detection of {@code other}, in its order. */
        public Builder addAll(Detections other) {
            for (int i = 0; i < other.size(); i++) {
                add(other.imageIds[i], other.categoryIds[i], other.boxes[4 * i], other.boxes[4 * i + 1],
                        other.boxes[4 * i + 2], other.boxes[4 * i + 3], other.scores[i]);
                areas[size - 1] = other.areas[i];
                if (other.masks != null && other.masks[i] != null) {
                    mask(other.masks[i]);
                }
                if (other.keypoints != null) {
                    int from = other.keypoints.start(i);
                    int count = other.keypoints.count(i);
                    if (count > 0) {
                        keypoints(Arrays.copyOfRange(other.keypoints.values, from, from + 3 * count));
                    }
                }
                if (other.times != null && !Double.isNaN(other.times[i])) {
                    time(other.times[i]);
                }
            }
            return this;
        }

        /** The detections added so far. The builder stays usable. */
        public Detections build() {
            return new Detections(Arrays.copyOf(imageIds, size), Arrays.copyOf(categoryIds, size),
                    Arrays.copyOf(boxes, 4 * size), Arrays.copyOf(scores, size), Arrays.copyOf(areas, size),
                    masks == null ? null : Arrays.copyOf(masks, size),
                    keypoints == null ? null
                            : KeypointColumn.of(new KeypointColumn.Slices[] {keypoints}, new int[] {size}),
                    times == null ? null : Arrays.copyOf(times, size));
        }
    }
}
