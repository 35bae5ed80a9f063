package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;
import dev.deteval.eval.internal.RadixSort;

/**
 * pycocotools' {@code accumulate()} for one category: merges the per-image detection lists with one
 * stable sort by descending score (ties: ascending image, then rank within the image), then for every
 * area range, maxDets and IoU threshold builds the cumulative precision/recall curve, makes precision
 * non-increasing from the right and samples it at the recall thresholds.
 */
final class Accumulation {

    private final CocoParams p;
    private final int k;
    private final int[] detRank;
    private final double[] detScore;
    private final byte[] outcome;
    private final int[] npig;

    Accumulation(CocoParams p, int k, CategoryOutcomes outcomes) {
        this.p = p;
        this.k = k;
        this.detRank = outcomes.detRank();
        this.detScore = outcomes.detScore();
        this.outcome = outcomes.outcome();
        this.npig = outcomes.npig();
    }

    void writeTo(PrecisionTable.Writer out) {
        int n = detScore.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        RadixSort.descending(order, 0, n, detScore);
        int thresholds = p.iouCount();
        int recalls = p.recCount();
        // kept[0..nd): the detections ranked below maxDet in their image, in merged score order; a
        // category's outcome block is small enough that reading it through this index stays in cache
        int[] kept = new int[n];
        Curve curve = new Curve(n, recalls);
        for (int m = 0; m < p.maxDetCount(); m++) {
            int nd = keep(order, p.maxDet(m), kept);
            for (int a = 0; a < p.areaCount(); a++) {
                if (npig[a] == 0) {
                    continue;
                }
                for (int t = 0; t < thresholds; t++) {
                    curve.build(outcome, (a * thresholds + t) * n, kept, nd, npig[a]);
                    curve.sample(p, kept, nd, detScore);
                    out.recall(t, k, a, m, curve.finalRecall);
                    for (int r = 0; r < recalls; r++) {
                        out.precision(t, r, k, a, m, curve.q[r]);
                        out.score(t, r, k, a, m, curve.ss[r]);
                    }
                }
            }
        }
    }

    /** Writes the detections ranked below {@code maxDet} in their image, in merged order; returns the count. */
    private int keep(int[] order, int maxDet, int[] kept) {
        int nd = 0;
        for (int d : order) {
            if (detRank[d] < maxDet) {
                kept[nd++] = d;
            }
        }
        return nd;
    }

    /**
     * One precision/recall curve, evaluated only where pycocotools' sampled values can come from.
     *
     * <p>pycocotools computes recall {@code tp / npig} and precision {@code tp / (fp + tp + eps)} at every
     * detection, makes precision non-increasing from the right, and for each recall threshold takes the
     * first index whose recall reaches it. Recall only grows at true positives, so every such index is a
     * true positive (or index 0 for threshold 0); between two true positives {@code tp} is fixed and
     * {@code fp} only grows, so precision there never exceeds the value at the true positive before it.
     * The running maximum from the right is therefore the maximum over true positives alone. Computing
     * the same quotients of the same integer-valued doubles at those places gives identical doubles.
     */
    private static final class Curve {
        /** Positions (in kept order) of the true positives, their recall and precision. */
        private final int[] tpAt;
        private final int[] fpAt;
        private final double[] rc;
        private final double[] pr;
        private final double[] q;
        private final double[] ss;
        private int tps;
        private double finalRecall;

        Curve(int n, int recalls) {
            tpAt = new int[n + 1];
            fpAt = new int[n + 1];
            rc = new double[n];
            pr = new double[n];
            q = new double[recalls];
            ss = new double[recalls];
        }

        /**
         * Builds the curve over the detections {@code kept[0..nd)} (merged order) of the outcome block at
         * {@code base}. The first loop is branch-free (outcomes are unpredictable): it always writes the
         * current position and false-positive count and only advances past them at a true positive; the
         * divisions then run once per true positive.
         */
        void build(byte[] outcome, int base, int[] kept, int nd, int positives) {
            int fp = 0;
            int count = 0;
            for (int i = 0; i < nd; i++) {
                int o = outcome[base + kept[i]];
                tpAt[count] = i;
                fpAt[count] = fp;
                count += o == CategoryEvaluation.TP ? 1 : 0;
                fp += o == CategoryEvaluation.FP ? 1 : 0;
            }
            for (int j = 0; j < count; j++) {
                double tpd = j + 1;
                rc[j] = tpd / positives;
                pr[j] = tpd / ((double) fpAt[j] + tpd + NumpyMath.EPS);
            }
            for (int j = count - 1; j > 0; j--) {
                if (pr[j] > pr[j - 1]) {
                    pr[j - 1] = pr[j];
                }
            }
            tps = count;
            finalRecall = nd > 0 ? (double) count / positives : 0.0;
        }

        /** For each recall threshold the first index with recall >= threshold (numpy searchsorted, left). */
        void sample(CocoParams p, int[] kept, int nd, double[] score) {
            int j = 0;
            for (int r = 0; r < q.length; r++) {
                double thr = p.recThr(r);
                if (nd > 0 && 0.0 >= thr) {
                    // index 0: its precision is 0 unless it is the first true positive; either way the
                    // maximum to its right is the first true positive's (or 0 without any)
                    q[r] = tps > 0 ? pr[0] : 0.0;
                    ss[r] = score[kept[0]];
                    continue;
                }
                while (j < tps && rc[j] < thr) {
                    j++;
                }
                if (j < tps) {
                    q[r] = pr[j];
                    ss[r] = score[kept[tpAt[j]]];
                } else {
                    q[r] = 0;
                    ss[r] = 0;
                }
            }
        }
    }
}
