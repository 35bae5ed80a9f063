package dev.deteval.eval.voc;

/** How a detection's largest overlap {@code ovmax} is compared with the overlap threshold. */
public enum MatchRule {

    /** {@code ovmax > threshold}, as voc_eval.py does: an overlap of exactly 0.5 does not match. */
    GREATER,

    /** {@code ovmax >= threshold}: an overlap of exactly the threshold matches (COCO's comparison). */
    GREATER_OR_EQUAL;

    /** True when {@code overlap} passes {@code threshold} under this rule; false for NaN. */
    boolean passes(double overlap, double threshold) {
        return this == GREATER ? overlap > threshold : overlap >= threshold;
    }
}
