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
        double[] rankedScore = new double[n];
        for (int i = 0; i < n; i++) {
            rankedScore[i] = detScore[order[i]];
        }
        int thresholds = p.iouCount();
        int recalls = p.recCount();
        int rows = p.areaCount() * thresholds;
        int words = (n + 63) >>> 6;
        long[] tp = new long[rows * words];
        long[] fp = new long[rows * words];
        pack(order, rows, words, tp, fp);
        long[] kept = new long[words];
        Curve curve = new Curve(n, recalls);
        for (int m = 0; m < p.maxDetCount(); m++) {
            int nd = keep(order, p.maxDet(m), kept);
            int first = firstSet(kept);
            for (int a = 0; a < p.areaCount(); a++) {
                if (npig[a] == 0) {
                    continue;
                }
                for (int t = 0; t < thresholds; t++) {
                    curve.build(tp, fp, (a * thresholds + t) * words, kept, npig[a], nd);
                    curve.sample(p, first, rankedScore);
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
     * Packs each outcome row into two bit sets in merged score order: bit {@code i} of row {@code row}
     * (words {@code [row * words, (row + 1) * words)}) tells whether the detection ranked {@code i} is a
     * true positive ({@code tp}) or a false positive ({@code fp}); ignored detections set neither. One
     * gather per row here replaces one per row and maxDets value in the curve loops.
     */
    private void pack(int[] order, int rows, int words, long[] tp, long[] fp) {
        int n = order.length;
        for (int row = 0; row < rows; row++) {
            int base = row * n;
            for (int w = 0; w < words; w++) {
                int from = w << 6;
                int to = Math.min(n, from + 64);
                long tpWord = 0;
                long fpWord = 0;
                for (int i = from; i < to; i++) {
                    int o = outcome[base + order[i]];
                    tpWord |= (o == CategoryEvaluation.TP ? 1L : 0L) << (i - from);
                    fpWord |= (o == CategoryEvaluation.FP ? 1L : 0L) << (i - from);
                }
                tp[row * words + w] = tpWord;
                fp[row * words + w] = fpWord;
            }
        }
    }

    /**
     * Sets bit {@code i} of {@code kept} when the detection ranked {@code i} in merged order is ranked
     * below {@code maxDet} in its image; returns how many are.
     */
    private int keep(int[] order, int maxDet, long[] kept) {
        java.util.Arrays.fill(kept, 0L);
        int nd = 0;
        for (int i = 0; i < order.length; i++) {
            long in = detRank[order[i]] < maxDet ? 1L : 0L;
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
         * only; the false positives before a true positive are the kept false-positive bits below it.
         */
        void build(long[] tpBits, long[] fpBits, int base, long[] kept, int positives, int keptCount) {
            int fp = 0;
            int count = 0;
            for (int w = 0; w < kept.length; w++) {
                long in = kept[w];
                long tpWord = tpBits[base + w] & in;
                long fpWord = fpBits[base + w] & in;
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
