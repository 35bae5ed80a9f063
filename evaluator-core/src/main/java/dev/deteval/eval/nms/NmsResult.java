package dev.deteval.eval.nms;

import java.util.Arrays;

/**
 * Boxes kept by NMS: {@code indices[i]} is the input position of a kept box and {@code scores[i]} its
 * score after NMS (the input score for hard NMS, the decayed score for soft-NMS). Each method that returns
 * a result says in which order. Immutable: the constructor copies both arrays and {@link #indices()} and
 * {@link #scores()} return copies; {@link #index(int)} and {@link #score(int)} read one entry without
 * copying. Equality is by content.
 *
 * @param indices {@code int[k]}, input positions of the kept boxes
 * @param scores {@code double[k]}, their scores
 */
public record NmsResult(int[] indices, double[] scores) {

    /** Copies both arrays and checks that they have one entry per kept box. */
    public NmsResult {
        if (indices.length != scores.length) {
            throw new IllegalArgumentException("indices and scores differ in length: " + indices.length + " and "
                    + scores.length);
        }
        indices = indices.clone();
        scores = scores.clone();
    }

    /** Number of kept boxes. */
    public int size() {
        return indices.length;
    }

    /** Input positions of the kept boxes (a copy). */
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /** Scores of the kept boxes after NMS (a copy). */
    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** Input position of kept box {@code k}. */
    public int index(int k) {
        return indices[k];
    }

    /** Score after NMS of kept box {@code k}. */
    public double score(int k) {
        return scores[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NmsResult r && Arrays.equals(indices, r.indices) && Arrays.equals(scores, r.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "NmsResult[indices=" + Arrays.toString(indices) + ", scores=" + Arrays.toString(scores) + "]";
    }
}
