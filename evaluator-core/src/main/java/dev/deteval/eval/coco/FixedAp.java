package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;
import dev.deteval.eval.internal.RadixSort;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Re-accumulates the AP of an {@link ErrorTally} with one kind of error fixed (or none), with pycocotools'
 * accumulation at area "all" and maxDets 100: precision {@code tp / (fp + tp + eps)} and recall
 * {@code tp / positives} at every hit, precision made non-increasing from the right, sampled at the recall
 * thresholds (the first hit whose recall reaches each). This is the arithmetic of {@link Accumulation},
 * walked directly over the tally's entries so that a fix costs one pass and no allocation per category;
 * the tests check the unfixed AP against the evaluation's to 1e-12.
 *
 * <p>The result per (fix, threshold) is the precision slice {@code [R][K]} in C order (-1 for a class
 * without ground truth that counts), so means over it are pycocotools' means.
 */
final class FixedAp {

    /** Fixes: index 0 is none, then {@link ErrorType} ordinal + 1. */
    static final int FIXES = ErrorType.values().length + 1;

    private static final int CLS = ErrorType.CLASSIFICATION.ordinal() + 1;
    private static final int LOC = ErrorType.LOCALIZATION.ordinal() + 1;
    private static final int MISS = ErrorType.MISSED.ordinal() + 1;

    private final ErrorTally tally;
    private final double[] recThrs;
    /** Per class: its entries in COCO's merged order (descending score, stable). */
    private final int[][] merged;

    FixedAp(ErrorTally tally, CocoParams params) {
        this.tally = tally;
        this.recThrs = params.recThrs();
        this.merged = new int[tally.classes][];
        // classes are independent: sorted in parallel, each writing only its own entry
        IntStream.range(0, tally.classes).parallel().forEach(c -> {
            int[] order = new int[tally.size[c]];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            RadixSort.descending(order, 0, order.length, tally.score[c]);
            merged[c] = order;
        });
    }

    /**
     * {@code [fix][threshold]} precision slices {@code [R * K]}, (r, k) in C order. Classes are independent
     * and accumulated in parallel, each writing only its own entries.
     */
    double[][][] slices() {
        int thresholds = tally.thresholds.length;
        int recalls = recThrs.length;
        double[][][] out = new double[FIXES][thresholds][recalls * tally.classes];
        double[][][] movedIn = new double[thresholds][][];
        for (int t = 0; t < thresholds; t++) {
            movedIn[t] = movedIn(t);
        }
        IntStream.range(0, tally.classes).parallel().forEach(c -> {
            int most = tally.size[c];
            for (double[][] perThreshold : movedIn) {
                most = Math.max(most, tally.size[c] + perThreshold[c].length);
            }
            double[] rc = new double[most];
            double[] pr = new double[most];
            double[] q = new double[recalls];
            for (int t = 0; t < thresholds; t++) {
                int present = kindsPresent(t, c);
                for (int f = 0; f < FIXES; f++) {
                    if (f == 0 || affected(f, t, c, present, movedIn[t][c].length)) {
                        precision(f, t, c, f == CLS ? movedIn[t][c] : new double[0], rc, pr, q);
                    } else {
                        for (int r = 0; r < recalls; r++) {
                            q[r] = out[0][t][r * tally.classes + c];
                        }
                    }
                    for (int r = 0; r < recalls; r++) {
                        out[f][t][r * tally.classes + c] = q[r];
                    }
                }
            }
        });
        return out;
    }

    /** Per class, the scores of the class errors that the Cls fix moves into it, descending (stable). */
    private double[][] movedIn(int t) {
        int[] moves = tally.moves[t];
        int n = tally.moveCount[t];
        int[] count = new int[tally.classes];
        for (int i = 0; i < n; i++) {
            count[moves[3 * i + 2]]++;
        }
        double[][] scores = new double[tally.classes][];
        for (int c = 0; c < tally.classes; c++) {
            scores[c] = new double[count[c]];
        }
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            int to = moves[3 * i + 2];
            scores[to][count[to]++] = tally.score[moves[3 * i]][moves[3 * i + 1]];
        }
        for (int c = 0; c < tally.classes; c++) {
            double[] s = scores[c];
            int[] idx = new int[s.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            RadixSort.descending(idx, 0, idx.length, s);
            double[] sorted = new double[s.length];
            for (int i = 0; i < idx.length; i++) {
                sorted[i] = s[idx[i]];
            }
            scores[c] = sorted;
        }
        return scores;
    }

    /** A bit per kind that occurs among class {@code c}'s entries at threshold {@code t}. */
    private int kindsPresent(int t, int c) {
        byte[] kinds = tally.kind[t][c];
        int bits = 0;
        for (int j = 0; j < tally.size[c]; j++) {
            bits |= 1 << kinds[j];
        }
        return bits;
    }

    private boolean affected(int fix, int t, int c, int present, int movedIn) {
        if (fix == MISS) {
            return tally.missed[t][c] > 0;
        }
        if (fix == CLS && movedIn > 0) {
            return true;
        }
        for (byte k = 0; k <= ErrorTally.BKG; k++) {
            if ((present & (1 << k)) != 0 && (removes(fix, k) || converts(fix, k))) {
                return true;
            }
        }
        return false;
    }

    /** Per fix, a bit per entry kind that the fix takes out of its class. */
    private static final int[] REMOVES = new int[FIXES];

    static {
        REMOVES[CLS] = 1 << ErrorTally.CLS_FIX | 1 << ErrorTally.CLS_DROP;
        REMOVES[LOC] = 1 << ErrorTally.LOC_DROP;
        REMOVES[ErrorType.BOTH.ordinal() + 1] = 1 << ErrorTally.BOTH;
        REMOVES[ErrorType.DUPLICATE.ordinal() + 1] = 1 << ErrorTally.DUPE;
        REMOVES[ErrorType.BACKGROUND.ordinal() + 1] = 1 << ErrorTally.BKG;
    }

    /** Whether fixing {@code fix} takes an entry of this kind out of its class. */
    private static boolean removes(int fix, byte kind) {
        return (REMOVES[fix] & 1 << kind) != 0;
    }

    /** Whether fixing {@code fix} turns an entry of this kind into a true positive of its own class. */
    private static boolean converts(int fix, byte kind) {
        return fix == LOC && kind == ErrorTally.LOC_FIX;
    }

    /**
     * Fills {@code q} with class {@code c}'s interpolated precision at threshold {@code t} with fix
     * {@code fix}, or -1 everywhere when no ground truth counts. {@code extra}: hits moved into the class,
     * descending; they follow the class's own entries of equal score.
     */
    private void precision(int fix, int t, int c, double[] extra, double[] rc, double[] pr, double[] q) {
        int positives = tally.positives[c] - (fix == MISS ? tally.missed[t][c] : 0);
        if (positives <= 0) {
            Arrays.fill(q, -1);
            return;
        }
        byte[] kinds = tally.kind[t][c];
        double[] score = tally.score[c];
        int[] order = merged[c];
        int own = 0;
        int moved = 0;
        int tps = 0;
        int fps = 0;
        int kept = 0;
        while (own < order.length || moved < extra.length) {
            boolean hit;
            if (moved < extra.length && (own == order.length || score[order[own]] < extra[moved])) {
                moved++;
                hit = true;
            } else {
                byte k = kinds[order[own++]];
                if (k == ErrorTally.IGNORED || removes(fix, k)) {
                    continue;
                }
                hit = k == ErrorTally.TRUE_POSITIVE || converts(fix, k);
            }
            kept++;
            if (hit) {
                double tpd = tps + 1;
                rc[tps] = tpd / positives;
                pr[tps] = tpd / ((double) fps + tpd + NumpyMath.EPS);
                tps++;
            } else {
                fps++;
            }
        }
        for (int j = tps - 1; j > 0; j--) {
            if (pr[j] > pr[j - 1]) {
                pr[j - 1] = pr[j];
            }
        }
        int j = 0;
        for (int r = 0; r < q.length; r++) {
            double thr = recThrs[r];
            if (kept > 0 && 0.0 >= thr) {
                q[r] = tps > 0 ? pr[0] : 0.0;
                continue;
            }
            while (j < tps && rc[j] < thr) {
                j++;
            }
            q[r] = j < tps ? pr[j] : 0.0;
        }
    }

    /** The mean of the entries above -1 of the given slices, concatenated; -1 when there are none. */
    static double mean(double[]... slices) {
        int total = 0;
        for (double[] s : slices) {
            total += s.length;
        }
        double[] values = new double[total];
        int n = 0;
        for (double[] s : slices) {
            for (double v : s) {
                if (v > -1) {
                    values[n++] = v;
                }
            }
        }
        return n == 0 ? -1 : NumpyMath.mean(values, n);
    }
}
