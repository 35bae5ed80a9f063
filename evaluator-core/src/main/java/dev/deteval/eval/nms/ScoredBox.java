package dev.deteval.eval.nms;

import dev.deteval.eval.geometry.Box;
import java.util.Objects;

/**
 * One box for the list form of NMS, {@link Nms#run(java.util.List, NmsConfig)}.
 *
 * @param box the box, in pixels or any consistent unit
 * @param score confidence, finite (higher is more confident)
 * @param classId the class; boxes of different classes do not suppress each other unless the
 *     configuration is class-agnostic
 */
public record ScoredBox(Box box, double score, int classId) {

    /** Checks the box is present and the score finite. */
    public ScoredBox {
        Objects.requireNonNull(box, "box must not be null");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
    }

    /** The same box and class with another score. */
    public ScoredBox withScore(double newScore) {
        return new ScoredBox(box, newScore, classId);
    }
}
