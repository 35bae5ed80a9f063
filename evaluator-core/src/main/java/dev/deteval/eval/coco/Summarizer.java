package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;
import java.util.stream.IntStream;

/**
 * pycocotools' {@code _summarize}: the mean of the table entries greater than -1 selected by IoU
 * threshold (exact equality, or all), area label and maxDets value, in C order with numpy's summation;
 * -1 when nothing is selected.
 */
final class Summarizer {

    private final CocoParams p;
    private final Tables tables;
    private final int k;
    /** Reused for the selected values of one mean (a summarizer is used by one thread at a time). */
    private double[] scratch = new double[0];

    /** Read access to precision [T,R,K,A,M] and recall [T,K,A,M] entries, -1 where undefined. */
    interface Tables {
        /** Number of category rows K. */
        int categories();

        double precision(int t, int r, int k, int a, int m);

        double recall(int t, int k, int a, int m);

        /**
         * The precision entries in C order ([T][R][K][A][M] flattened, as {@link PrecisionTable#precisionArray}),
         * read in place and never written; null when the tables are not held that way.
         */
        default double[] precisionView() {
            return null;
        }
    }

    Summarizer(CocoParams p, PrecisionTable tables) {
        this(p, new Tables() {
            @Override
            public int categories() {
                return tables.shape()[2];
            }

            @Override
            public double precision(int t, int r, int k, int a, int m) {
                return tables.precision(t, r, k, a, m);
            }

            @Override
            public double recall(int t, int k, int a, int m) {
                return tables.recall(t, k, a, m);
            }

            @Override
            public double[] precisionView() {
                int[] shape = tables.shape();
                boolean fits = shape[1] == p.recCount() && shape[3] == p.areaCount() && shape[4] == p.maxDetCount();
                return fits ? tables.precisionView() : null;
            }
        });
    }

    /** A summarizer over any tables with the shape {@code p} gives. */
    Summarizer(CocoParams p, Tables tables) {
        this.p = p;
        this.tables = tables;
        this.k = tables.categories();
    }

    /** Mean precision of one category row ({@code category} ≥ 0), or of all when negative. */
    double precisionMean(Double iouThr, String areaLabel, int maxDets, int category) {
        if (category < 0) {
            return precisionMean(iouThr, areaLabel, maxDets, 0, k, null);
        }
        return precisionMean(iouThr, areaLabel, maxDets, category, category + 1, null);
    }

    /** Mean precision over the category rows {@code rows} (ascending), e.g. one LVIS frequency group. */
    double precisionMean(Double iouThr, String areaLabel, int maxDets, int[] rows) {
        return precisionMean(iouThr, areaLabel, maxDets, 0, rows.length, rows);
    }

    /** Rows {@code kFrom..kTo} of {@code rows}, or those rows themselves when {@code rows} is null. */
    private double precisionMean(Double iouThr, String areaLabel, int maxDets, int kFrom, int kTo, int[] rows) {
        int[] ts = thresholds(iouThr);
        int[][] am = areaMaxDetPairs(areaLabel, maxDets);
        double[] values = scratch(ts.length * p.recCount() * (kTo - kFrom) * am.length);
        double[] flat = tables.precisionView();
        int n = 0;
        for (int t : ts) {
            for (int r = 0; r < p.recCount(); r++) {
                for (int j = kFrom; j < kTo; j++) {
                    int kk = rows == null ? j : rows[j];
                    if (flat != null) {
                        // the same entries in the same order, read by index: this loop runs a million times
                        // per summary, often before the JIT has compiled it
                        int row = ((t * p.recCount() + r) * k + kk) * p.areaCount();
                        for (int[] pair : am) {
                            double v = flat[(row + pair[0]) * p.maxDetCount() + pair[1]];
                            if (v > -1) {
                                values[n++] = v;
                            }
                        }
                        continue;
                    }
                    for (int[] pair : am) {
                        double v = tables.precision(t, r, kk, pair[0], pair[1]);
                        if (v > -1) {
                            values[n++] = v;
                        }
                    }
                }
            }
        }
        return n == 0 ? -1 : NumpyMath.mean(values, n);
    }

    /** Mean recall of one category row ({@code category} ≥ 0), or of all when negative. */
    double recallMean(Double iouThr, String areaLabel, int maxDets, int category) {
        int[] ts = thresholds(iouThr);
        int[][] am = areaMaxDetPairs(areaLabel, maxDets);
        int kFrom = category < 0 ? 0 : category;
        int kTo = category < 0 ? k : category + 1;
        double[] values = scratch(ts.length * (kTo - kFrom) * am.length);
        int n = 0;
        for (int t : ts) {
            for (int kk = kFrom; kk < kTo; kk++) {
                for (int[] pair : am) {
                    double v = tables.recall(t, kk, pair[0], pair[1]);
                    if (v > -1) {
                        values[n++] = v;
                    }
                }
            }
        }
        return n == 0 ? -1 : NumpyMath.mean(values, n);
    }

    /** Room for {@code n} values; only the first {@code n} are read after they are written. */
    private double[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new double[n];
        }
        return scratch;
    }

    private int[] thresholds(Double iouThr) {
        int count = p.iouCount();
        if (iouThr == null) {
            int[] all = new int[count];
            for (int t = 0; t < count; t++) {
                all[t] = t;
            }
            return all;
        }
        return IntStream.range(0, count).filter(t -> p.iouThr(t) == iouThr).toArray();
    }

    /**
     * The (area, maxDets) index pairs numpy's advanced indexing {@code [..., aind, mind]} selects: the
     * two index lists broadcast against each other (a list of one repeats).
     */
    private int[][] areaMaxDetPairs(String areaLabel, int maxDets) {
        int[] aind = IntStream.range(0, p.areaCount())
                .filter(a -> p.areaLabel(a).equals(areaLabel)).toArray();
        int[] mind = IntStream.range(0, p.maxDetCount())
                .filter(m -> p.maxDet(m) == maxDets).toArray();
        if (aind.length == 0 || mind.length == 0) {
            return new int[0][];
        }
        if (aind.length != mind.length && aind.length != 1 && mind.length != 1) {
            throw new IllegalArgumentException("area label '" + areaLabel + "' occurs " + aind.length
                    + " times and maxDets " + maxDets + " occurs " + mind.length
                    + " times; pycocotools cannot combine these either");
        }
        int len = Math.max(aind.length, mind.length);
        int[][] pairs = new int[len][];
        for (int i = 0; i < len; i++) {
            pairs[i] = new int[] {aind[aind.length == 1 ? 0 : i], mind[mind.length == 1 ? 0 : i]};
        }
        return pairs;
    }
}
