package dev.deteval.eval.coco;

import java.util.Arrays;
import java.util.Objects;

/**
 * The match outcomes of one (image, category) group, as {@link ImageMatch} computes them: one row per
 * detection kept (the image's detections of that category in descending score order, stable, cut to the
 * largest maxDets), plus the group's count of ground truths that are not ignored, per area range. This is
 * the whole input {@link OutcomeMerge} needs to rebuild pycocotools' {@code accumulate()} for the
 * category, so groups computed on different machines can be merged later.
 *
 * <p>Shapes, with {@code n} detections, {@code A} area ranges, {@code T} IoU thresholds and
 * {@code W = }{@link #words(int, int) words}{@code (A, T)} 64-bit words per detection:
 * <ul>
 *   <li>{@code scores[n]}: row {@code j} is the detection ranked {@code j} within the image (0 = highest);
 *   <li>{@code tp[n * W]}, {@code ignored[n * W]}: bit {@code b = a * T + t} of detection {@code j} is bit
 *       {@code b % 64} of word {@code tp[j * W + b / 64]}; set in {@code tp} when the detection is a true
 *       positive for area range {@code a} at IoU threshold {@code t}, in {@code ignored} when it is ignored
 *       there; in neither when it is a false positive;
 *   <li>{@code npig[A]}: ground truths of the group that are not ignored, per area range.
 * </ul>
 * Immutable: the constructor and the accessors copy.
 */
public final class OutcomeRows {

    private final int categoryRow;
    private final long categoryId;
    private final long imageId;
    private final int bits;
    private final double[] scores;
    private final long[] tp;
    private final long[] ignored;
    private final int[] npig;

    /**
     * The outcomes of one group.
     *
     * @param categoryRow the category's row in the result tables (index into the evaluated category ids;
     *     0 when categories are pooled)
     * @param categoryId the category id ({@code -1} when categories are pooled)
     * @param imageId the image id
     * @param bits {@code A * T}, the outcome bits per detection
     * @param scores {@code [n]} scores in rank order (not increasing)
     * @param tp {@code [n * W]} true-positive bits
     * @param ignored {@code [n * W]} ignored bits
     * @param npig {@code [A]} ground truths not ignored, per area range
     * @throws IllegalArgumentException when the lengths do not fit together
     */
    public OutcomeRows(int categoryRow, long categoryId, long imageId, int bits, double[] scores, long[] tp,
            long[] ignored, int[] npig) {
        this.categoryRow = categoryRow;
        this.categoryId = categoryId;
        this.imageId = imageId;
        this.bits = bits;
        this.scores = scores.clone();
        this.tp = tp.clone();
        this.ignored = ignored.clone();
        this.npig = npig.clone();
        int words = (bits + 63) >>> 6;
        if (categoryRow < 0 || bits < 1 || tp.length != scores.length * words || ignored.length != tp.length) {
            throw new IllegalArgumentException("outcome rows of image " + imageId + ": " + scores.length
                    + " detections with " + bits + " bits each need " + scores.length * words
                    + " words per bit set, got " + tp.length + " and " + ignored.length);
        }
        for (int j = 1; j < this.scores.length; j++) {
            if (this.scores[j] > this.scores[j - 1]) {
                throw new IllegalArgumentException("outcome rows of image " + imageId
                        + ": scores must be in rank order (not increasing), row " + j + " is not");
            }
        }
    }

    /** 64-bit words per detection for {@code areas} area ranges and {@code thresholds} IoU thresholds. */
    public static int words(int areas, int thresholds) {
        return (areas * thresholds + 63) >>> 6;
    }

    /** The category's row in the result tables. */
    public int categoryRow() {
        return categoryRow;
    }

    /** The category id, or -1 when categories are pooled. */
    public long categoryId() {
        return categoryId;
    }

    /** The image id. */
    public long imageId() {
        return imageId;
    }

    /** {@code A * T}: outcome bits per detection. */
    public int bits() {
        return bits;
    }

    /** Number of detections. */
    public int size() {
        return scores.length;
    }

    /** Scores in rank order, {@code [n]} (a copy). */
    public double[] scores() {
        return scores.clone();
    }

    /** True-positive bits, {@code [n * W]} (a copy). */
    public long[] tp() {
        return tp.clone();
    }

    /** Ignored bits, {@code [n * W]} (a copy). */
    public long[] ignored() {
        return ignored.clone();
    }

    /** Ground truths not ignored, per area range, {@code [A]} (a copy). */
    public int[] npig() {
        return npig.clone();
    }

    // copy-free reads for the merge in this package

    double score(int j) {
        return scores[j];
    }

    boolean tpBit(int j, int bit) {
        return (tp[j * ((bits + 63) >>> 6) + (bit >>> 6)] & (1L << bit)) != 0;
    }

    boolean ignoredBit(int j, int bit) {
        return (ignored[j * ((bits + 63) >>> 6) + (bit >>> 6)] & (1L << bit)) != 0;
    }

    int npig(int a) {
        return npig[a];
    }

    int areaCount() {
        return npig.length;
    }

    @Override
    public String toString() {
        return "OutcomeRows[category " + categoryId + ", image " + imageId + ", " + scores.length + " detections]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutcomeRows r && r.categoryRow == categoryRow && r.categoryId == categoryId
                && r.imageId == imageId && r.bits == bits && Arrays.equals(r.scores, scores)
                && Arrays.equals(r.tp, tp) && Arrays.equals(r.ignored, ignored)
                && Arrays.equals(r.npig, npig);
    }

    @Override
    public int hashCode() {
        return Objects.hash(categoryRow, categoryId, imageId, scores.length);
    }
}
