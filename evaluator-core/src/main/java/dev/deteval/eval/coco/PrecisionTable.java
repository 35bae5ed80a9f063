package dev.deteval.eval.coco;

import java.util.Arrays;
import java.util.Locale;

/**
 * The accumulated COCO tables, as pycocotools' {@code eval} dictionary holds them:
 * precision and scores of shape [T][R][K][A][M] and recall of shape [T][K][A][M] (T IoU thresholds,
 * R recall thresholds, K categories, A area ranges, M maxDets, in {@link CocoParams} order). An entry
 * is -1 where the category has no ground truth that is not ignored (pycocotools' sentinel); precision
 * entries past the highest recall reached are 0. Immutable.
 */
public final class PrecisionTable {

    private final int t;
    private final int r;
    private final int k;
    private final int a;
    private final int m;
    private final double[] precision;
    private final double[] recall;
    private final double[] scores;

    private PrecisionTable(int t, int r, int k, int a, int m, double[] precision, double[] recall, double[] scores) {
        this.t = t;
        this.r = r;
        this.k = k;
        this.a = a;
        this.m = m;
        this.precision = precision;
        this.recall = recall;
        this.scores = scores;
    }

    /**
     * The most entries the precision table may have (T x R x K x A x M): precision and scores then take
     * 1.6 GB together. pycocotools' defaults with 80 categories need 969,600.
     */
    public static final long MAX_ENTRIES = 100_000_000L;

    /**
     * A writer for a table of the given shape.
     *
     * @throws IllegalArgumentException when the table would have more than {@link #MAX_ENTRIES} entries
     */
    static Writer writer(int t, int r, int k, int a, int m) {
        long entries = (long) t * r * k * a * m;
        if (entries > MAX_ENTRIES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the COCO parameters give a precision table of %d iouThrs x %d recThrs x %d categories x %d"
                    + " area ranges x %d maxDets = %,d entries, more than the limit of %,d; use fewer thresholds",
                    t, r, k, a, m, entries, MAX_ENTRIES));
        }
        return new Writer(t, r, k, a, m);
    }

    /** The shape {@code [T, R, K, A, M]}. */
    public int[] shape() {
        return new int[] {t, r, k, a, m};
    }

    /** Interpolated precision at IoU threshold {@code ti}, recall threshold {@code ri}; -1 if undefined. */
    public double precision(int ti, int ri, int ki, int ai, int mi) {
        return precision[index(ti, ri, ki, ai, mi)];
    }

    /**
     * The precision table itself, not a copy, for readers in this package that must not write it (the
     * summarizer's means read it by index instead of a call per entry).
     */
    double[] precisionView() {
        return precision;
    }

    /** Score of the detection where recall threshold {@code ri} was reached (0 if never, -1 if undefined). */
    public double score(int ti, int ri, int ki, int ai, int mi) {
        return scores[index(ti, ri, ki, ai, mi)];
    }

    /** Final recall; -1 if undefined. */
    public double recall(int ti, int ki, int ai, int mi) {
        return recall[((ti * k + ki) * a + ai) * m + mi];
    }

    /** A copy of the whole precision table in C order ([T][R][K][A][M] flattened). */
    public double[] precisionArray() {
        return precision.clone();
    }

    /** A copy of the whole recall table in C order ([T][K][A][M] flattened). */
    public double[] recallArray() {
        return recall.clone();
    }

    /** A copy of the whole scores table in C order ([T][R][K][A][M] flattened). */
    public double[] scoresArray() {
        return scores.clone();
    }

    private int index(int ti, int ri, int ki, int ai, int mi) {
        return (((ti * r + ri) * k + ki) * a + ai) * m + mi;
    }

    /** Fills the tables; each category's slots are written by one thread only. */
    static final class Writer {
        private final PrecisionTable table;

        private Writer(int t, int r, int k, int a, int m) {
            double[] precision = new double[t * r * k * a * m];
            double[] recall = new double[t * k * a * m];
            double[] scores = new double[precision.length];
            Arrays.fill(precision, -1);
            Arrays.fill(recall, -1);
            Arrays.fill(scores, -1);
            table = new PrecisionTable(t, r, k, a, m, precision, recall, scores);
        }

        void precision(int ti, int ri, int ki, int ai, int mi, double v) {
            table.precision[table.index(ti, ri, ki, ai, mi)] = v;
        }

        void score(int ti, int ri, int ki, int ai, int mi, double v) {
            table.scores[table.index(ti, ri, ki, ai, mi)] = v;
        }

        void recall(int ti, int ki, int ai, int mi, double v) {
            table.recall[((ti * table.k + ki) * table.a + ai) * table.m + mi] = v;
        }

        PrecisionTable done() {
            return table;
        }
    }
}
