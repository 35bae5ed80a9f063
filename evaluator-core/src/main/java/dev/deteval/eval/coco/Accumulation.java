package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;
import dev.deteval.eval.internal.StableSort;

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
        StableSort.descending(order, detScore);
        int thresholds = p.iouCount();
        int recalls = p.recCount();
        // outcomes and scores in merged score order, so that the curves below read memory sequentially
        byte[] sorted = new byte[outcome.length];
        for (int block = 0; block < p.areaCount() * thresholds; block++) {
            int base = block * n;
            for (int i = 0; i < n; i++) {
                sorted[base + i] = outcome[base + order[i]];
            }
        }
        double[] sortedScore = new double[n];
        for (int i = 0; i < n; i++) {
            sortedScore[i] = detScore[order[i]];
        }
        int[] kept = new int[n];
        double[] rc = new double[n];
        double[] pr = new double[n];
        double[] q = new double[recalls];
        double[] ss = new double[recalls];
        for (int m = 0; m < p.maxDetCount(); m++) {
            int maxDet = p.maxDet(m);
            int nd = 0;
            for (int i = 0; i < n; i++) {
                if (detRank[order[i]] < maxDet) {
                    kept[nd++] = i;
                }
            }
            for (int a = 0; a < p.areaCount(); a++) {
                if (npig[a] == 0) {
                    continue;
                }
                for (int t = 0; t < thresholds; t++) {
                    curve(sorted, (a * thresholds + t) * n, kept, nd, npig[a], rc, pr);
                    sample(rc, pr, kept, nd, sortedScore, q, ss);
                    out.recall(t, k, a, m, nd > 0 ? rc[nd - 1] : 0.0);
                    for (int r = 0; r < recalls; r++) {
                        out.precision(t, r, k, a, m, q[r]);
                        out.score(t, r, k, a, m, ss[r]);
                    }
                }
            }
        }
    }

    /** Cumulative recall {@code tp / npig} and precision {@code tp / (fp + tp + eps)}, made non-increasing. */
    private static void curve(byte[] sorted, int base, int[] kept, int nd, int positives, double[] rc, double[] pr) {
        double tp = 0;
        double fp = 0;
        for (int i = 0; i < nd; i++) {
            byte o = sorted[base + kept[i]];
            tp += o == CategoryEvaluation.TP ? 1 : 0;
            fp += o == CategoryEvaluation.FP ? 1 : 0;
            rc[i] = tp / positives;
            pr[i] = tp / (fp + tp + NumpyMath.EPS);
        }
        for (int i = nd - 1; i > 0; i--) {
            if (pr[i] > pr[i - 1]) {
                pr[i - 1] = pr[i];
            }
        }
    }

    /** For each recall threshold the first index with recall >= threshold (numpy searchsorted, left). */
    private void sample(double[] rc, double[] pr, int[] kept, int nd, double[] sortedScore, double[] q,
            double[] ss) {
        int i = 0;
        for (int r = 0; r < q.length; r++) {
            double thr = p.recThr(r);
            while (i < nd && rc[i] < thr) {
                i++;
            }
            if (i < nd) {
                q[r] = pr[i];
                ss[r] = sortedScore[kept[i]];
            } else {
                q[r] = 0;
                ss[r] = 0;
            }
        }
    }
}
