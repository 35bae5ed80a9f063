package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;
import java.util.Arrays;

/**
 * pycocotools' {@code accumulate()} for one category, over its detections already in the merged order
 * (one stable sort of the per-image lists by descending score, see {@link CategoryOutcomes}): for every
 * area range, maxDets and IoU threshold it builds the cumulative precision/recall curve, makes precision
 * non-increasing from the right and samples it at the recall thresholds.
 */
final class Accumulation {

    private final CocoParams p;
    private final int k;
    private final int[] rank;
    private final double[] score;
    private final long[] tp;
    private final long[] ignored;
    private final int[] npig;

    Accumulation(CocoParams p, int k, CategoryOutcomes outcomes) {
        this.p = p;
        this.k = k;
        this.rank = outcomes.rank();
        this.score = outcomes.score();
        this.tp = outcomes.tp();
        this.ignored = outcomes.ignored();
        this.npig = outcomes.npig();
    }

    void writeTo(PrecisionTable.Writer out) {
        int n = score.length;
        int thresholds = p.iouCount();
        int recalls = p.recCount();
        int words = CategoryOutcomes.words(n);
        long[] kept = new long[words];
        Curve curve = new Curve(n, recalls);
        for (int m = 0; m < p.maxDetCount(); m++) {
            int nd = keep(p.maxDet(m), kept);
            int first = firstSet(kept);
            for (int a = 0; a < p.areaCount(); a++) {
                if (npig[a] == 0) {
                    continue;
                }
                for (int t = 0; t < thresholds; t++) {
                    curve.build(tp, ignored, (a * thresholds + t) * words, kept, npig[a], nd);
                    curve.sample(p, first, score);
                    out.recall(t, k, a, m, curve.finalRecall);
                    for (int r = 0; r < recalls; r++) {
                        out.precision(t, r, k, a, m, curve.q[r]);
                        out.score(t, r, k, a, m, curve.ss[r]);
                    }
                }
            }
        }
    }

    /**
     * Sets bit {@code i} of {@code kept} when the detection ranked {@code i} in merged order is ranked
     * below {@code maxDet} in its image; returns how many are.
     */
    private int keep(int maxDet, long[] kept) {
        Arrays.fill(kept, 0L);
        int nd = 0;
        for (int i = 0; i < rank.length; i++) {
            long in = rank[i] < maxDet ? 1L : 0L;
            kept[i >>> 6] |= in << i;
            nd += (int) in;
        }
        return nd;
    }

    /** The index of the lowest set bit, or -1 when none is set. */
    private static int firstSet(long[] bits) {
        for (int w = 0; w < bits.length; w++) {
            if (bits[w] != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(bits[w]);
            }
        }
        return -1;
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
        /** Merged-order positions of the true positives, the false positives before each, recall, precision. */
        private final int[] tpAt;
        private final int[] fpAt;
        private final double[] rc;
        private final double[] pr;
        private final double[] q;
        private final double[] ss;
        private int tps;
        private int nd;
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
         * Builds the curve over the kept detections ({@code kept} bits, {@code nd} of them) of the outcome
         * row whose bit sets start at word {@code base}: 64 detections per step, work per true positive
         * only; the false positives are the kept detections that are neither true positives nor ignored,
         * and those before a true positive are counted among the bits below it.
         */
        void build(long[] tpBits, long[] ignoredBits, int base, long[] kept, int positives, int keptCount) {
            int fp = 0;
            int count = 0;
            for (int w = 0; w < kept.length; w++) {
                long in = kept[w];
                long tpWord = tpBits[base + w] & in;
                long fpWord = in & ~(tpBits[base + w] | ignoredBits[base + w]);
                while (tpWord != 0) {
                    int b = Long.numberOfTrailingZeros(tpWord);
                    tpAt[count] = (w << 6) + b;
                    fpAt[count] = fp + Long.bitCount(fpWord & ((1L << b) - 1));
                    count++;
                    tpWord &= tpWord - 1;
                }
                fp += Long.bitCount(fpWord);
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
            nd = keptCount;
            finalRecall = keptCount > 0 ? (double) count / positives : 0.0;
        }

        /**
         * For each recall threshold the first index with recall >= threshold (numpy searchsorted, left);
         * {@code first} is the merged-order position of the first kept detection, {@code rankedScore} the
         * scores in merged order.
         */
        void sample(CocoParams p, int first, double[] rankedScore) {
            int j = 0;
            for (int r = 0; r < q.length; r++) {
                double thr = p.recThr(r);
                if (nd > 0 && 0.0 >= thr) {
                    // index 0: its precision is 0 unless it is the first true positive; either way the
                    // maximum to its right is the first true positive's (or 0 without any)
                    q[r] = tps > 0 ? pr[0] : 0.0;
                    ss[r] = rankedScore[first];
                    continue;
                }
                while (j < tps && rc[j] < thr) {
                    j++;
                }
                if (j < tps) {
                    q[r] = pr[j];
                    ss[r] = rankedScore[tpAt[j]];
                } else {
                    q[r] = 0;
                    ss[r] = 0;
                }
            }
        }
    }
}
