package dev.deteval.eval.voc;

import java.util.Objects;

/**
 * Parameters of a Pascal VOC evaluation. Immutable.
 *
 * <p>{@link #defaults()} is exactly voc_eval.py ({@code py-faster-rcnn/lib/datasets/voc_eval.py}):
 * {@link BoxConvention#PIXEL_PLUS_ONE}, {@link MatchRule#GREATER} and an overlap threshold of 0.5.
 * Change one setting with the {@code with*} methods, e.g.
 * {@code VocParams.defaults().withBoxConvention(BoxConvention.CONTINUOUS)}.
 *
 * @param boxConvention how widths and areas are computed from box corners
 * @param matchRule how the largest overlap is compared with the threshold
 * @param overlapThreshold the overlap (IoU) threshold, in [0, 1]
 */
public record VocParams(BoxConvention boxConvention, MatchRule matchRule, double overlapThreshold) {

    /** The overlap threshold of the VOC challenge. */
    public static final double DEFAULT_OVERLAP_THRESHOLD = 0.5;

    /** Checks the arguments. */
    public VocParams {
        Objects.requireNonNull(boxConvention, "boxConvention");
        Objects.requireNonNull(matchRule, "matchRule");
        if (!(overlapThreshold >= 0.0 && overlapThreshold <= 1.0)) {
            throw new IllegalArgumentException("overlap threshold must be in [0, 1], got " + overlapThreshold);
        }
    }

    /** voc_eval.py: +1 pixel widths, {@code ovmax > 0.5}. */
    public static VocParams defaults() {
        return new VocParams(BoxConvention.PIXEL_PLUS_ONE, MatchRule.GREATER, DEFAULT_OVERLAP_THRESHOLD);
    }

    /** These parameters with another box convention. */
    public VocParams withBoxConvention(BoxConvention convention) {
        return new VocParams(convention, matchRule, overlapThreshold);
    }

    /** These parameters with another match rule. */
    public VocParams withMatchRule(MatchRule rule) {
        return new VocParams(boxConvention, rule, overlapThreshold);
    }

    /** These parameters with another overlap threshold. */
    public VocParams withOverlapThreshold(double threshold) {
        return new VocParams(boxConvention, matchRule, threshold);
    }
}
