package dev.deteval.eval.coco;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.GroundTruth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * LVIS ground truth: COCO-style annotations plus the federated labels LVIS adds. Each image lists the
 * categories verified absent from it ({@code neg_category_ids}) and the categories present in it whose
 * instances are not all annotated ({@code not_exhaustive_category_ids}); each category has a
 * {@link Frequency} group. Immutable; accessors return copies.
 *
 * <p>LVIS has no crowd annotations: a ground truth with {@code iscrowd} set is refused (lvis-api never
 * reads that field). The {@code ignore} flag is honoured, as lvis-api does.
 */
public final class LvisGroundTruth {

    private static final long[] NONE = new long[0];

    private final GroundTruth groundTruth;
    private final Map<Long, long[]> negative;
    private final Map<Long, long[]> notExhaustive;
    private final Map<Long, Frequency> frequencies;

    private LvisGroundTruth(Builder b) {
        groundTruth = b.groundTruth;
        negative = Map.copyOf(b.negative);
        notExhaustive = Map.copyOf(b.notExhaustive);
        frequencies = Map.copyOf(b.frequencies);
    }

    /** A builder over {@code groundTruth}, which must have no crowd annotation. */
    public static Builder builder(GroundTruth groundTruth) {
        return new Builder(groundTruth);
    }

    /** The annotations, images and categories. */
    public GroundTruth groundTruth() {
        return groundTruth;
    }

    /** The categories verified absent from image {@code imageId}, ascending (a copy; empty if unknown). */
    public long[] negativeCategoryIds(long imageId) {
        return negative.getOrDefault(imageId, NONE).clone();
    }

    /** The categories not exhaustively annotated on image {@code imageId}, ascending (a copy). */
    public long[] notExhaustiveCategoryIds(long imageId) {
        return notExhaustive.getOrDefault(imageId, NONE).clone();
    }

    /** The frequency group of category {@code categoryId}, or null when the category is unknown. */
    public Frequency frequency(long categoryId) {
        return frequencies.get(categoryId);
    }

    /** The internal sorted list, for the evaluator (never handed out). */
    long[] negativeOf(long imageId) {
        return negative.getOrDefault(imageId, NONE);
    }

    /** The internal sorted list, for the evaluator (never handed out). */
    long[] notExhaustiveOf(long imageId) {
        return notExhaustive.getOrDefault(imageId, NONE);
    }

    /** Collects the federated labels; {@link #build()} checks that every image and category has them. */
    public static final class Builder {
        private final GroundTruth groundTruth;
        private final Map<Long, long[]> negative = new HashMap<>();
        private final Map<Long, long[]> notExhaustive = new HashMap<>();
        private final Map<Long, Frequency> frequencies = new HashMap<>();

        private Builder(GroundTruth groundTruth) {
            this.groundTruth = Objects.requireNonNull(groundTruth, "groundTruth");
        }

        /**
         * The lists of image {@code imageId} (in any order, duplicates allowed).
         *
         * @param negativeCategoryIds {@code neg_category_ids}
         * @param notExhaustiveCategoryIds {@code not_exhaustive_category_ids}
         */
        public Builder image(long imageId, long[] negativeCategoryIds, long[] notExhaustiveCategoryIds) {
            negative.put(imageId, sorted(negativeCategoryIds));
            notExhaustive.put(imageId, sorted(notExhaustiveCategoryIds));
            return this;
        }

        /** The frequency group of category {@code categoryId}. */
        public Builder frequency(long categoryId, Frequency value) {
            frequencies.put(categoryId, Objects.requireNonNull(value, "frequency"));
            return this;
        }

        private static long[] sorted(long[] ids) {
            return Arrays.stream(ids).sorted().distinct().toArray();
        }

        /**
         * The ground truth.
         *
         * @throws IllegalArgumentException when an image lacks its lists, a category its frequency, or an
         *     annotation is a crowd
         */
        public LvisGroundTruth build() {
            for (long image : groundTruth.sortedImageIds()) {
                if (!negative.containsKey(image)) {
                    throw new IllegalArgumentException("image " + image + " has no neg_category_ids and"
                            + " not_exhaustive_category_ids");
                }
            }
            for (Category c : groundTruth.categories()) {
                if (!frequencies.containsKey(c.id())) {
                    throw new IllegalArgumentException("category " + c.id() + " has no frequency");
                }
            }
            boolean[] crowd = groundTruth.crowdColumn();
            for (int i = 0; i < crowd.length; i++) {
                if (crowd[i]) {
                    throw new IllegalArgumentException("annotation " + i + " is a crowd annotation; LVIS has none");
                }
            }
            return new LvisGroundTruth(this);
        }
    }
}
