package dev.deteval.eval.nms;

/**
 * What a kept box does to the remaining boxes of its class that overlap it, with {@code IoU} their
 * intersection over union and {@code Nt} the configured IoU threshold.
 */
public enum Suppression {
    /** Greedy NMS: a box with {@code IoU > Nt} is removed. */
    HARD,
    /** Linear soft-NMS: a box with {@code IoU > Nt} has its score multiplied by {@code 1 - IoU}. */
    LINEAR,
    /**
     * Gaussian soft-NMS: every box has its score multiplied by {@code exp(-IoU² / sigma)}; {@code Nt} is
     * not used.
     */
    GAUSSIAN
}
