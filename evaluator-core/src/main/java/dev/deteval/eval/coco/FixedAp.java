package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;
import dev.deteval.eval.internal.RadixSort;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Re-accumulates the AP of an {@link ErrorTally} with one kind of error fixed (or none), with pycocotools'
 * accumulation at area "all" and maxDets 100: precision {@code tp / (fp + tp + eps)} and recall
 * {@code tp / positives} at every hit, precision made non-increasing from the right, sampled at the recall
 * thresholds (the first hit whose recall reaches each). This is the arithmetic of {@link Accumulation}, read
 * off one walk per class and threshold over the tally's entries: the walk keeps the entries that can be a hit
 * under some fix and the errors before each, and every fix's curve comes from those (see {@code Hits}); the
 * tests check the unfixed AP against the evaluation's to 1e-12 and every fix against a walk per fix.
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
            double[] q = new double[recalls];
            for (int t = 0; t < thresholds; t++) {
                Hits hits = hits(t, c, movedIn[t][c]);
                double[] rc = new double[hits.count];
                double[] pr = new double[hits.count];
                for (int f = 0; f < FIXES; f++) {
                    if (f == 0 || affected(f, t, c, hits)) {
                        precision(f, t, c, hits, rc, pr, q);
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

    /** The kind of a hit moved in by the Cls fix (not an entry kind of the tally). */
    private static final byte MOVED = -1;
    /** The error kinds, from the first to the last: each hit keeps how many of each precede it. */
    private static final int FIRST_ERROR = ErrorTally.CLS_FIX;
    private static final int ERROR_KINDS = ErrorTally.BKG - FIRST_ERROR + 1;

    /**
     * The candidate hits of one class at one threshold, in the order of its curve: the entries that are a hit
     * under some fix (true positives, the localisation errors that the Loc fix turns into hits, the class
     * errors that the Cls fix moves in) and, for each, the entries before it: errors of each kind and errors
     * of all kinds. An entry that is no candidate only adds to a false-positive count, so each fix's curve is
     * read off the candidates alone, with no walk over the class's entries per fix.
     */
    private static final class Hits {
        int count;
        /** {@code [count]}: TRUE_POSITIVE, LOC_FIX or MOVED. */
        byte[] kind;
        /** {@code [count]}: the entries before the candidate that are errors (neither ignored nor hits). */
        int[] errorsBefore;
        /** {@code [count][ERROR_KINDS]}: of those, how many of each error kind. */
        int[] kindsBefore;
        /** A bit per entry kind that occurs among the class's entries. */
        int present;
        /** How many hits the Cls fix moves in. */
        int moved;
    }

    /**
     * Walks class {@code c}'s entries at threshold {@code t} once, in COCO's merged order, with the hits
     * moved in ({@code extra}, descending) after the entries of equal score.
     */
    private Hits hits(int t, int c, double[] extra) {
        byte[] kinds = tally.kind[t][c];
        int[] order = merged[c];
        int n = order.length;
        Hits h = new Hits();
        int candidates = extra.length;
        int present = 0;
        for (int j = 0; j < n; j++) {
            byte k = kinds[j];
            present |= 1 << k;
            candidates += k == ErrorTally.TRUE_POSITIVE || k == ErrorTally.LOC_FIX ? 1 : 0;
        }
        h.present = present;
        h.moved = extra.length;
        h.kind = new byte[candidates];
        h.errorsBefore = new int[candidates];
        h.kindsBefore = new int[candidates * ERROR_KINDS];
        double[] score = tally.score[c];
        int[] before = new int[ERROR_KINDS];
        int errors = 0;
        int s = 0;
        int own = 0;
        int moved = 0;
        while (own < n || moved < extra.length) {
            byte k;
            if (moved < extra.length && (own == n || score[order[own]] < extra[moved])) {
                moved++;
                k = MOVED;
            } else {
                k = kinds[order[own++]];
                if (k != ErrorTally.TRUE_POSITIVE && k != ErrorTally.LOC_FIX) {
                    if (k != ErrorTally.IGNORED) {
                        before[k - FIRST_ERROR]++;
                        errors++;
                    }
                    continue;
                }
            }
            h.kind[s] = k;
            h.errorsBefore[s] = errors;
            System.arraycopy(before, 0, h.kindsBefore, s * ERROR_KINDS, ERROR_KINDS);
            s++;
            if (k == ErrorTally.LOC_FIX) {
                before[k - FIRST_ERROR]++;
                errors++;
            }
        }
        h.count = s;
        return h;
    }

    private boolean affected(int fix, int t, int c, Hits hits) {
        if (fix == MISS) {
            return tally.missed[t][c] > 0;
        }
        if (fix == CLS && hits.moved > 0) {
            return true;
        }
        for (byte k = 0; k <= ErrorTally.BKG; k++) {
            if ((hits.present & (1 << k)) != 0 && (removes(fix, k) || converts(fix, k))) {
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
     * Per fix, the error kinds (as offsets from {@link #FIRST_ERROR}) that are not false positives under it: those
     * it takes out of their class and those it turns into hits.
     */
    private static final int[][] NOT_FALSE_POSITIVES = new int[FIXES][];

    static {
        for (int fix = 0; fix < FIXES; fix++) {
            int[] kinds = new int[ERROR_KINDS];
            int n = 0;
            for (int k = FIRST_ERROR; k <= ErrorTally.BKG; k++) {
                if (removes(fix, (byte) k) || converts(fix, (byte) k)) {
                    kinds[n++] = k - FIRST_ERROR;
                }
            }
            NOT_FALSE_POSITIVES[fix] = Arrays.copyOf(kinds, n);
        }
    }

    /**
     * Fills {@code q} with class {@code c}'s interpolated precision at threshold {@code t} with fix
     * {@code fix}, or -1 everywhere when no ground truth counts. {@code rc} and {@code pr}: scratch with room
     * for every candidate hit.
     *
     * <p>Under a fix, a candidate is a hit when it is a true positive, a localisation error under the Loc fix
     * or a moved-in class error under the Cls fix; the false positives before it are the errors before it less
     * those the fix takes out or turns into hits. (Every kept entry is a hit or a false positive, and a curve
     * point is made at each hit, so the entries after the last hit change nothing.)
     */
    private void precision(int fix, int t, int c, Hits hits, double[] rc, double[] pr, double[] q) {
        int positives = tally.positives[c] - (fix == MISS ? tally.missed[t][c] : 0);
        if (positives <= 0) {
            Arrays.fill(q, -1);
            return;
        }
        int[] notFalsePositives = NOT_FALSE_POSITIVES[fix];
        byte alsoHit = fix == LOC ? ErrorTally.LOC_FIX : fix == CLS ? MOVED : ErrorTally.TRUE_POSITIVE;
        int[] kindsBefore = hits.kindsBefore;
        int tps = 0;
        for (int s = 0; s < hits.count; s++) {
            byte k = hits.kind[s];
            if (k != ErrorTally.TRUE_POSITIVE && k != alsoHit) {
                continue;
            }
            int fps = hits.errorsBefore[s];
            for (int e : notFalsePositives) {
                fps -= kindsBefore[s * ERROR_KINDS + e];
            }
            double tpd = tps + 1;
            rc[tps] = tpd / positives;
            pr[tps] = tpd / ((double) fps + tpd + NumpyMath.EPS);
            tps++;
        }
        for (int j = tps - 1; j > 0; j--) {
            if (pr[j] > pr[j - 1]) {
                pr[j - 1] = pr[j];
            }
        }
        int j = 0;
        for (int r = 0; r < q.length; r++) {
            double thr = recThrs[r];
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
