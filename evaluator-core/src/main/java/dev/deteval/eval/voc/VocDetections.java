package dev.deteval.eval.voc;

import dev.deteval.eval.internal.Growable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Detections for one {@link VocDataset}, held in columns: for detection {@code i}, the index of its
 * image and of its class in that dataset, its confidence score and its box corners
 * {@code [xmin, ymin, xmax, ymax]} (the same coordinates as the ground truth; VOC results files use
 * 1-based pixel coordinates and may hold fractions).
 *
 * <p>Input order is kept: detections with equal scores are taken in this order (voc_eval.py's unstable
 * sort leaves that order unspecified). Immutable: every {@code *Column} accessor returns a fresh copy.
 */
public final class VocDetections {

    private final VocDataset dataset;
    /** Read directly, without a copy, by this package\'s evaluators; never written after construction. */
    final int[] images;
    final int[] classes;
    final double[] scores;
    final double[] boxes;

    private VocDetections(Builder b) {
        dataset = b.dataset;
        images = Arrays.copyOf(b.images, b.size);
        classes = Arrays.copyOf(b.classes, b.size);
        scores = Arrays.copyOf(b.scores, b.size);
        boxes = Arrays.copyOf(b.boxes, 4 * b.size);
    }

    /** A builder for detections on the images and classes of {@code dataset}. */
    public static Builder builder(VocDataset dataset) {
        return new Builder(Objects.requireNonNull(dataset, "dataset"));
    }

    /** No detections on {@code dataset}. */
    public static VocDetections empty(VocDataset dataset) {
        return builder(dataset).build();
    }

    /** The dataset whose image and class indices these detections use. */
    public VocDataset dataset() {
        return dataset;
    }

    /** Number of detections. */
    public int size() {
        return scores.length;
    }

    /** Image index (into the dataset) of each detection (a copy). */
    public int[] imageIndexColumn() {
        return images.clone();
    }

    /** Class index (into the dataset's classes) of each detection (a copy). */
    public int[] classIndexColumn() {
        return classes.clone();
    }

    /** Score of each detection (a copy). */
    public double[] scoreColumn() {
        return scores.clone();
    }

    /** Boxes as {@code [xmin, ymin, xmax, ymax]} quadruples, 4 values per detection (a copy). */
    public double[] boxColumn() {
        return boxes.clone();
    }

    /** Collects detections; not thread-safe. */
    public static final class Builder {
        private final VocDataset dataset;
        private int size;
        private int[] images = new int[0];
        private int[] classes = new int[0];
        private double[] scores = new double[0];
        private double[] boxes = new double[0];

        private Builder(VocDataset dataset) {
            this.dataset = dataset;
        }

        /** Number of detections added so far. */
        public int size() {
            return size;
        }

        /**
         * Adds a detection by image and class index.
         *
         * @param image index of the image in the dataset
         * @param classIndex index of the class in the dataset's classes
         * @param score the confidence, finite
         * @throws IllegalArgumentException for an index out of range, a score that is not finite, or a
         *     box that is not finite or has {@code xmax < xmin} or {@code ymax < ymin}
         */
        public Builder add(int image, int classIndex, double score, double xmin, double ymin, double xmax,
                double ymax) {
            if (image < 0 || image >= dataset.imageCount()) {
                throw new IllegalArgumentException("no image with index " + image);
            }
            if (classIndex < 0 || classIndex >= dataset.classes().size()) {
                throw new IllegalArgumentException("no class with index " + classIndex);
            }
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("score must be finite, got " + score);
            }
            Corners.require("detection on image '" + dataset.imageId(image) + "'", xmin, ymin, xmax, ymax);
            int cap = Growable.next(scores.length, size + 1);
            if (cap != scores.length) {
                images = Arrays.copyOf(images, cap);
                classes = Arrays.copyOf(classes, cap);
                scores = Arrays.copyOf(scores, cap);
                boxes = Arrays.copyOf(boxes, 4 * cap);
            }
            int i = size++;
            images[i] = image;
            classes[i] = classIndex;
            scores[i] = score;
            boxes[4 * i] = xmin;
            boxes[4 * i + 1] = ymin;
            boxes[4 * i + 2] = xmax;
            boxes[4 * i + 3] = ymax;
            return this;
        }

        /**
         * Adds a detection by image id and class name.
         *
         * @throws IllegalArgumentException for an image or class the dataset does not have, or a bad
         *     score or box (see {@link #add(int, int, double, double, double, double, double)})
         */
        public Builder add(String imageId, String className, double score, double xmin, double ymin, double xmax,
                double ymax) {
            int image = dataset.imageIndex(imageId);
            if (image < 0) {
                throw new IllegalArgumentException("image '" + imageId + "' is not in the dataset");
            }
            int k = dataset.classIndex(className);
            if (k < 0) {
                throw new IllegalArgumentException("class '" + className + "' is not among the dataset's classes "
                        + dataset.classes());
            }
            return add(image, k, score, xmin, ymin, xmax, ymax);
        }

        /** Builds the detections. */
        public VocDetections build() {
            return new VocDetections(this);
        }
    }
}
