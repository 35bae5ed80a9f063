package dev.deteval.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Re-accumulates an {@link OutcomeTable} with image weights (how often each image was drawn) and
 * summarizes the result with the same code as the plain evaluation ({@link Summarizer}), so that all
 * weights 1 reproduce the plain metric values bit for bit. Only the (area range, maxDets) pairs the
 * requested metrics read are accumulated. One instance per thread: it holds scratch tables.
 */
final class Resampler {

    private final OutcomeTable table;
    private final CocoParams p;
    private final int[][] pairs;
    private final Tables tables;
    private final WeightedCurve curve;
    private final Summarizer summarizer;
    private long[] keptBefore = new long[16];

    /**
     * @param metrics every metric {@link #values} will be asked for
     */
    Resampler(OutcomeTable table, List<CocoMetric> metrics) {
        this.table = table;
        this.p = table.params();
        this.pairs = pairs(p, metrics);
        this.tables = new Tables(p, table.categoryRows(), pairs);
        this.curve = new WeightedCurve(p.recCount());
        this.summarizer = new Summarizer(p, tables);
    }

    /** The (area, maxDets) index pairs any of {@code metrics} reads, ordered by maxDets index. */
    private static int[][] pairs(CocoParams p, List<CocoMetric> metrics) {
        List<int[]> list = new ArrayList<>();
        for (int m = 0; m < p.maxDetCount(); m++) {
            for (int a = 0; a < p.areaCount(); a++) {
                for (CocoMetric metric : metrics) {
                    if (p.maxDet(m) == metric.maxDets() && p.areaLabel(a).equals(metric.area())) {
                        list.add(new int[] {a, m});
                        break;
                    }
                }
            }
        }
        return list.toArray(new int[0][]);
    }

    /** Re-accumulates every category with {@code weights} (one entry per image, ≥ 0). */
    void accumulate(int[] weights) {
        for (int k = 0; k < table.categoryRows(); k++) {
            accumulate(k, table.row(k), weights);
        }
    }

    private void accumulate(int k, CategoryResample row, int[] weights) {
        int thresholds = p.iouCount();
        if (keptBefore.length < row.size()) {
            keptBefore = new long[Math.max(row.size(), keptBefore.length * 2)];
        }
        int keptFor = -1;
        long keptTotal = 0;
        for (int pi = 0; pi < pairs.length; pi++) {
            int a = pairs[pi][0];
            int m = pairs[pi][1];
            long positives = row.positives(weights, a, p.areaCount());
            if (positives == 0) {
                tables.undefined(k, pi);
                continue;
            }
            if (keptFor != m) {
                keptTotal = row.keptBefore(weights, p.maxDet(m), keptBefore);
                keptFor = m;
            }
            for (int t = 0; t < thresholds; t++) {
                curve.build(row, a * thresholds + t, weights, p.maxDet(m), keptBefore, keptTotal, positives);
                curve.sample(p);
                tables.put(t, k, pi, curve);
            }
        }
    }

    /**
     * The value of each of {@code wanted} (a subset of the metrics given at construction) after
     * {@link #accumulate}, over all categories ({@code category} -1) or for one category row; -1 where
     * undefined.
     */
    double[] values(List<CocoMetric> wanted, int category) {
        return CocoEvaluator.values(wanted, summarizer, category);
    }

    /** Precision [T][R][K][P] and recall [T][K][P] over the accumulated pairs only. */
    private static final class Tables implements Summarizer.Tables {
        private final int t;
        private final int r;
        private final int k;
        private final int pairCount;
        private final int maxDets;
        private final int[] pairOf;
        private final double[] precision;
        private final double[] recall;

        Tables(CocoParams p, int categories, int[][] pairs) {
            t = p.iouCount();
            r = p.recCount();
            k = categories;
            pairCount = pairs.length;
            maxDets = p.maxDetCount();
            pairOf = new int[p.areaCount() * maxDets];
            Arrays.fill(pairOf, -1);
            for (int i = 0; i < pairs.length; i++) {
                pairOf[pairs[i][0] * maxDets + pairs[i][1]] = i;
            }
            precision = new double[t * r * k * pairCount];
            recall = new double[t * k * pairCount];
        }

        void undefined(int kk, int pi) {
            for (int tt = 0; tt < t; tt++) {
                for (int rr = 0; rr < r; rr++) {
                    precision[((tt * r + rr) * k + kk) * pairCount + pi] = -1;
                }
                recall[(tt * k + kk) * pairCount + pi] = -1;
            }
        }

        void put(int tt, int kk, int pi, WeightedCurve c) {
            for (int rr = 0; rr < r; rr++) {
                precision[((tt * r + rr) * k + kk) * pairCount + pi] = c.precision(rr);
            }
            recall[(tt * k + kk) * pairCount + pi] = c.recall();
        }

        @Override
        public int categories() {
            return k;
        }

        @Override
        public double precision(int tt, int rr, int kk, int a, int m) {
            int pi = pairOf[a * maxDets + m];
            return pi < 0 ? -1 : precision[((tt * r + rr) * k + kk) * pairCount + pi];
        }

        @Override
        public double recall(int tt, int kk, int a, int m) {
            int pi = pairOf[a * maxDets + m];
            return pi < 0 ? -1 : recall[(tt * k + kk) * pairCount + pi];
        }
    }
}
