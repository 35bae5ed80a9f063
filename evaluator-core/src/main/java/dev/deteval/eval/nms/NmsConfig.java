package dev.deteval.eval.nms;

import dev.deteval.eval.geometry.BoxFormat;
import java.util.Objects;

/**
 * Settings of one NMS run; immutable, made with {@link #builder(double)}.
 *
 * <ul>
 *   <li>{@code iouThreshold} (required, in [0, 1]): a box is suppressed when its IoU with a kept box of
 *       the same class is strictly greater ({@code >}) than this. At 1 nothing is suppressed; at 0 any
 *       overlap suppresses.
 *   <li>{@code scoreThreshold} (default: none): boxes scoring below it ({@code score < scoreThreshold})
 *       are dropped before NMS; in soft-NMS it is also the floor under which a decayed score drops its
 *       box.
 *   <li>{@code topK} (default: no limit): only the {@code topK} highest-scoring boxes that pass the score
 *       threshold take part, counted over all classes together.
 *   <li>{@code maxDetections} (default: no limit): at most this many boxes are returned, the highest
 *       scoring first, counted over all classes together.
 *   <li>{@code classAgnostic} (default false): when true, class ids are ignored and every box can
 *       suppress every other.
 *   <li>{@code boxFormat} (default {@link BoxFormat#XYXY}): how the four values of each box are read.
 *   <li>{@code suppression} (default {@link Suppression#HARD}) and {@code sigma} (default 0.5, used by
 *       {@link Suppression#GAUSSIAN} only).
 * </ul>
 */
public final class NmsConfig {

    private final double iouThreshold;
    private final double scoreThreshold;
    private final int topK;
    private final int maxDetections;
    private final boolean classAgnostic;
    private final BoxFormat boxFormat;
    private final Suppression suppression;
    private final double sigma;

    private NmsConfig(Builder b) {
        this.iouThreshold = b.iouThreshold;
        this.scoreThreshold = b.scoreThreshold;
        this.topK = b.topK;
        this.maxDetections = b.maxDetections;
        this.classAgnostic = b.classAgnostic;
        this.boxFormat = b.boxFormat;
        this.suppression = b.suppression;
        this.sigma = b.sigma;
    }

    /**
     * A builder with the required IoU threshold.
     *
     * @param iouThreshold in [0, 1]; boxes with IoU strictly above it are suppressed
     */
    public static Builder builder(double iouThreshold) {
        return new Builder(iouThreshold);
    }

    /** IoU above which a box is suppressed (hard) or decayed (linear); in [0, 1]. */
    public double iouThreshold() {
        return iouThreshold;
    }

    /** Boxes scoring below this are dropped; {@code -Infinity} when unset. */
    public double scoreThreshold() {
        return scoreThreshold;
    }

    /** Number of boxes that take part, the highest scoring; {@code Integer.MAX_VALUE} when unset. */
    public int topK() {
        return topK;
    }

    /** Largest number of boxes returned; {@code Integer.MAX_VALUE} when unset. */
    public int maxDetections() {
        return maxDetections;
    }

    /** Whether class ids are ignored. */
    public boolean classAgnostic() {
        return classAgnostic;
    }

    /** How the four values of each box are read. */
    public BoxFormat boxFormat() {
        return boxFormat;
    }

    /** Hard or soft suppression. */
    public Suppression suppression() {
        return suppression;
    }

    /** The Gaussian soft-NMS parameter: scores are multiplied by {@code exp(-IoU² / sigma)}. */
    public double sigma() {
        return sigma;
    }

    @Override
    public String toString() {
        return "NmsConfig[iouThreshold=" + iouThreshold + ", scoreThreshold=" + scoreThreshold + ", topK=" + topK
                + ", maxDetections=" + maxDetections + ", classAgnostic=" + classAgnostic + ", boxFormat="
                + boxFormat + ", suppression=" + suppression + ", sigma=" + sigma + "]";
    }

    /** Collects optional settings; {@link #build()} validates them. */
    public static final class Builder {
        private final double iouThreshold;
        private double scoreThreshold = Double.NEGATIVE_INFINITY;
        private int topK = Integer.MAX_VALUE;
        private int maxDetections = Integer.MAX_VALUE;
        private boolean classAgnostic;
        private BoxFormat boxFormat = BoxFormat.XYXY;
        private Suppression suppression = Suppression.HARD;
        private double sigma = 0.5;

        private Builder(double iouThreshold) {
            this.iouThreshold = iouThreshold;
        }

        /** Drops boxes scoring below {@code threshold}; also the soft-NMS score floor. Not NaN. */
        public Builder optScoreThreshold(double threshold) {
            this.scoreThreshold = threshold;
            return this;
        }

        /** Keeps only the {@code k} highest-scoring boxes before NMS (over all classes); at least 1. */
        public Builder optTopK(int k) {
            this.topK = k;
            return this;
        }

        /** Returns at most {@code max} boxes (over all classes); at least 1. */
        public Builder optMaxDetections(int max) {
            this.maxDetections = max;
            return this;
        }

        /** When true, boxes of different classes suppress each other too. */
        public Builder optClassAgnostic(boolean agnostic) {
            this.classAgnostic = agnostic;
            return this;
        }

        /** How the four values of each box in the array API are read. */
        public Builder optBoxFormat(BoxFormat format) {
            this.boxFormat = Objects.requireNonNull(format, "box format must not be null");
            return this;
        }

        /** Hard (default) or soft suppression. */
        public Builder optSuppression(Suppression suppression) {
            this.suppression = Objects.requireNonNull(suppression, "suppression must not be null");
            return this;
        }

        /** The Gaussian soft-NMS parameter; finite and positive. */
        public Builder optSigma(double sigma) {
            this.sigma = sigma;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException when a setting is out of range
         */
        public NmsConfig build() {
            require(iouThreshold >= 0 && iouThreshold <= 1, "IoU threshold must be in [0, 1], got " + iouThreshold);
            require(!Double.isNaN(scoreThreshold), "score threshold must not be NaN");
            require(topK >= 1, "top-k must be at least 1, got " + topK);
            require(maxDetections >= 1, "max detections must be at least 1, got " + maxDetections);
            require(sigma > 0 && Double.isFinite(sigma), "sigma must be finite and positive, got " + sigma);
            return new NmsConfig(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
