package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;
import dev.deteval.eval.internal.RadixSort;
import java.util.stream.IntStream;

/**
 * Re-accumulates the AP of an {@link ErrorTally} with one kind of error fixed (or none), with COCO's own
 * accumulation ({@link Accumulation}: 101-point interpolated precision, pycocotools' arithmetic) at area
 * "all" and maxDets 100. The result per (fix, threshold) is the precision slice {@code [R][K]} in C order
 * (-1 for a class without ground truth that counts), so means over it are exactly pycocotools' means.
 */
final class FixedAp {

    /** Fixes: index 0 is none, then {@link ErrorType} ordinal + 1. */
    static final int FIXES = ErrorType.values().length + 1;

    private final ErrorTally tally;
    private final CocoParams params;
    private final int recalls;
    /** Per class: its entries in COCO's merged order (descending score, stable). */
    private final int[][] merged;

    FixedAp(ErrorTally tally, CocoParams params) {
        this.tally = tally;
        this.params = params;
        this.recalls = params.recCount();
        this.merged = new int[tally.classes][];
        for (int c = 0; c < tally.classes; c++) {
            int[] order = new int[tally.size[c]];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
            }
            RadixSort.descending(order, 0, order.length, tally.score[c]);
            merged[c] = order;
        }
    }

    /**
     * {@code [fix][threshold]} precision slices {@code [R * K]}, (r, k) in C order. Classes are independent,
     * so they are accumulated in parallel (each writes only its own slots).
     */
    double[][][] slices() {
        int thresholds = tally.thresholds.length;
        CocoParams[] p = new CocoParams[thresholds];
        PrecisionTable.Writer[][] writers = new PrecisionTable.Writer[FIXES][thresholds];
        for (int t = 0; t < thresholds; t++) {
            p[t] = params.toBuilder().optIouThrs(tally.thresholds[t]).optMaxDets(ImageMatcher.MAX_DETS)
                    .optAreaRanges(new double[][] {{0, 1e10}}, "all").build();
            for (int f = 0; f < FIXES; f++) {
                writers[f][t] = PrecisionTable.writer(1, recalls, tally.classes, 1, 1);
            }
        }
        IntStream.range(0, tally.classes).parallel().forEach(c -> {
            for (int t = 0; t < thresholds; t++) {
                accumulate(p[t], 0, t, c, writers[0][t]);
                PrecisionTable none = writers[0][t].done();
                for (int f = 1; f < FIXES; f++) {
                    if (affected(f, t, c)) {
                        accumulate(p[t], f, t, c, writers[f][t]);
                    } else {
                        for (int r = 0; r < recalls; r++) {
                            writers[f][t].precision(0, r, c, 0, 0, none.precision(0, r, c, 0, 0));
                        }
                    }
                }
            }
        });
        double[][][] out = new double[FIXES][thresholds][];
        for (int f = 0; f < FIXES; f++) {
            for (int t = 0; t < thresholds; t++) {
                PrecisionTable table = writers[f][t].done();
                double[] slice = new double[recalls * tally.classes];
                for (int r = 0; r < recalls; r++) {
                    for (int c = 0; c < tally.classes; c++) {
                        slice[r * tally.classes + c] = table.precision(0, r, c, 0, 0);
                    }
                }
                out[f][t] = slice;
            }
        }
        return out;
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

    private boolean affected(int fix, int t, int c) {
        if (fix == ErrorType.MISSED.ordinal() + 1) {
            return tally.missed[t][c] > 0;
        }
        byte[] kinds = tally.kind[t][c];
        for (int j = 0; j < tally.size[c]; j++) {
            if (removes(fix, kinds[j]) || converts(fix, kinds[j])) {
                return true;
            }
        }
        if (fix == ErrorType.CLASSIFICATION.ordinal() + 1) {
            int[] moves = tally.moves[t];
            for (int i = 0; i < tally.moveCount[t]; i++) {
                if (moves[3 * i + 2] == c) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether fixing {@code fix} takes an entry of this kind out of its class. */
    private static boolean removes(int fix, byte kind) {
        return switch (ErrorType.values()[fix - 1]) {
            case CLASSIFICATION -> kind == ErrorTally.CLS_FIX || kind == ErrorTally.CLS_DROP;
            case LOCALIZATION -> kind == ErrorTally.LOC_DROP;
            case BOTH -> kind == ErrorTally.BOTH;
            case DUPLICATE -> kind == ErrorTally.DUPE;
            case BACKGROUND -> kind == ErrorTally.BKG;
            case MISSED -> false;
        };
    }

    /** Whether fixing {@code fix} turns an entry of this kind into a true positive of its own class. */
    private static boolean converts(int fix, byte kind) {
        return fix == ErrorType.LOCALIZATION.ordinal() + 1 && kind == ErrorTally.LOC_FIX;
    }

    private void accumulate(CocoParams p, int fix, int t, int c, PrecisionTable.Writer w) {
        int[] order = merged[c];
        byte[] kinds = tally.kind[t][c];
        int extra = 0;
        boolean cls = fix == ErrorType.CLASSIFICATION.ordinal() + 1;
        int[] moves = tally.moves[t];
        if (cls) {
            for (int i = 0; i < tally.moveCount[t]; i++) {
                extra += moves[3 * i + 2] == c ? 1 : 0;
            }
        }
        double[] score = new double[order.length + extra];
        boolean[] hit = new boolean[score.length];
        int n = 0;
        for (int j : order) {
            byte k = kinds[j];
            if (k == ErrorTally.IGNORED || (fix > 0 && removes(fix, k))) {
                continue;
            }
            score[n] = tally.score[c][j];
            hit[n] = k == ErrorTally.TRUE_POSITIVE || (fix > 0 && converts(fix, k));
            n++;
        }
        if (extra > 0) {
            // corrected class errors join after this class's own entries of equal score
            for (int i = 0; i < tally.moveCount[t]; i++) {
                if (moves[3 * i + 2] == c) {
                    score[n] = tally.score[moves[3 * i]][moves[3 * i + 1]];
                    hit[n] = true;
                    n++;
                }
            }
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            RadixSort.descending(idx, 0, n, score);
            double[] s = new double[n];
            boolean[] h = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = score[idx[i]];
                h[i] = hit[idx[i]];
            }
            score = s;
            hit = h;
        }
        int positives = tally.positives[c];
        if (fix == ErrorType.MISSED.ordinal() + 1) {
            positives -= tally.missed[t][c];
        }
        long[] tp = new long[CategoryOutcomes.words(n)];
        for (int i = 0; i < n; i++) {
            if (hit[i]) {
                tp[i >>> 6] |= 1L << i;
            }
        }
        double[] scores = n == score.length ? score : java.util.Arrays.copyOf(score, n);
        CategoryOutcomes outcomes = new CategoryOutcomes(new int[n], scores, tp, new long[tp.length],
                new int[] {positives});
        new Accumulation(p, c, outcomes).writeTo(w);
    }
}
