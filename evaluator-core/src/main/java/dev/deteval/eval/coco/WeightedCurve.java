package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;

/**
 * One precision/recall curve of a category, accumulated with image weights: a detection of an image
 * drawn {@code w} times counts as {@code w} copies of itself, placed next to each other at its place in
 * the merged score order. Scratch space, reused across curves by one thread.
 *
 * <p>The copies of a true positive share their false-positive count, so their precision grows from the
 * first copy to the last and the precision envelope (the maximum to the right) is the same at all of
 * them: the last copy's precision or more. A run of copies is therefore one curve point, at the last
 * copy's recall and precision, and a recall threshold inside the run samples that point, as a search
 * over the copies would. With every weight 1 each point is computed from the same integers with the
 * same operations as {@link Accumulation}'s curve, so the numbers are identical.
 */
final class WeightedCurve {

    private double[] rc = new double[16];
    private double[] pr = new double[16];
    private final double[] q;
    private int tps;
    private long kept;
    private double finalRecall;

    WeightedCurve(int recalls) {
        q = new double[recalls];
    }

    /**
     * Builds the curve of outcome row {@code row} (= {@code a * T + t}) of {@code c} over the detections
     * ranked below {@code maxDet} in their image.
     *
     * @param weights weight of each image
     * @param keptBefore from {@link CategoryResample#keptBefore}: kept weight before each merged place
     * @param keptTotal the total kept weight
     * @param positives the weighted count of ground truths that are not ignored, greater than 0
     */
    void build(CategoryResample c, int row, int[] weights, int maxDet, long[] keptBefore, long keptTotal,
            long positives) {
        int words = CategoryOutcomes.words(c.size());
        if (rc.length < c.size()) {
            rc = new double[c.size()];
            pr = new double[c.size()];
        }
        int[] rank = c.rank();
        int[] imageOf = c.imageOf();
        long[] tpBits = c.tp();
        long[] ignoredBits = c.ignored();
        int base = row * words;
        long tp = 0;
        long ignoredWeight = 0;
        int count = 0;
        for (int w = 0; w < words; w++) {
            long ignoredWord = ignoredBits[base + w];
            long events = tpBits[base + w] | ignoredWord;
            while (events != 0) {
                int b = Long.numberOfTrailingZeros(events);
                events &= events - 1;
                int i = (w << 6) + b;
                int weight = weights[imageOf[i]];
                if (weight == 0 || rank[i] >= maxDet) {
                    continue;
                }
                if ((ignoredWord >>> b & 1L) != 0) {
                    ignoredWeight += weight;
                    continue;
                }
                long fp = keptBefore[i] - tp - ignoredWeight;
                tp += weight;
                double tpd = tp;
                rc[count] = tpd / positives;
                pr[count] = tpd / ((double) fp + tpd + NumpyMath.EPS);
                count++;
            }
        }
        for (int j = count - 1; j > 0; j--) {
            if (pr[j] > pr[j - 1]) {
                pr[j - 1] = pr[j];
            }
        }
        tps = count;
        kept = keptTotal;
        finalRecall = keptTotal > 0 ? (double) tp / positives : 0.0;
    }

    /** Samples the curve at the recall thresholds (numpy searchsorted, left), as {@link Accumulation}. */
    void sample(CocoParams p) {
        int j = 0;
        for (int r = 0; r < q.length; r++) {
            double thr = p.recThr(r);
            if (kept > 0 && 0.0 >= thr) {
                q[r] = tps > 0 ? pr[0] : 0.0;
                continue;
            }
            while (j < tps && rc[j] < thr) {
                j++;
            }
            q[r] = j < tps ? pr[j] : 0;
        }
    }

    /** Interpolated precision at recall threshold {@code r} of the last sampled curve. */
    double precision(int r) {
        return q[r];
    }

    /** Final recall of the last built curve. */
    double recall() {
        return finalRecall;
    }
}
