package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;

/**
 * Precision/recall curves of one category with a real weight per image, for {@link MatchView#averagePrecision}:
 * an image of weight {@code w} adds {@code w} positives per ground truth and {@code w} true or false positives
 * per detection, at the detection's place in the merged score order. Only the true-positive points are
 * kept (a false positive never raises the precision envelope at a recall threshold). With whole-number
 * weights every sum is exact, so all weights 1 give {@link Accumulation}'s curve. Scratch space reused by
 * one thread across categories, curves and resamples.
 */
final class RealWeightCurves {

    private double[] counts = new double[0];
    private double[] effective = new double[0];
    private double[] kept = new double[16];
    private double[] keptBefore = new double[16];
    private double[] rc = new double[16];
    private double[] pr = new double[16];
    private boolean prefixReady;

    /** {@code counts} as doubles, in an array owned by this scratch space. */
    double[] counts(int[] draws) {
        if (counts.length != draws.length) {
            counts = new double[draws.length];
        }
        for (int i = 0; i < draws.length; i++) {
            counts[i] = draws[i];
        }
        return counts;
    }

    /** {@code weights[i] * factors[i]} per image, in an array owned by this scratch space. */
    double[] imageWeights(double[] weights, double[] factors) {
        if (effective.length != weights.length) {
            effective = new double[weights.length];
        }
        for (int i = 0; i < weights.length; i++) {
            effective[i] = weights[i] * factors[i];
        }
        return effective;
    }

    /** Starts a category: each detection's weight, its image's, or 0 when it ranks at or beyond {@code maxDet}. */
    void start(CategoryResample row, double[] imageWeights, int maxDet) {
        int n = row.size();
        if (kept.length < n) {
            int size = Math.max(n, 2 * kept.length);
            kept = new double[size];
            keptBefore = new double[size];
            rc = new double[size];
            pr = new double[size];
        }
        int[] rank = row.rank();
        int[] imageOf = row.imageOf();
        for (int i = 0; i < n; i++) {
            kept[i] = rank[i] < maxDet ? imageWeights[imageOf[i]] : 0;
        }
        prefixReady = false;
    }

    /**
     * The sum over the recall thresholds of the interpolated precision of the curve at outcome bits
     * {@code base} (= {@code (a * T + t) * words}) of the started category.
     *
     * @param positives the weighted number of ground truths that count, &gt; 0
     */
    double sampledSum(CategoryResample row, int base, double positives, CocoParams p) {
        int points = ignoredCount(row, base) * 2 < row.size() ? fromEvents(row, base, positives)
                : fromCounted(row, base, positives);
        for (int j = points - 1; j > 0; j--) {
            if (pr[j] > pr[j - 1]) {
                pr[j - 1] = pr[j];
            }
        }
        double sum = 0;
        int j = 0;
        for (int r = 0; r < p.recCount(); r++) {
            double thr = p.recThr(r);
            while (j < points && rc[j] < thr) {
                j++;
            }
            sum += j < points ? pr[j] : 0;
        }
        return sum;
    }

    private static int ignoredCount(CategoryResample row, int base) {
        int count = 0;
        long[] ignored = row.ignored();
        for (int w = 0; w < CategoryOutcomes.words(row.size()); w++) {
            count += Long.bitCount(ignored[base + w]);
        }
        return count;
    }

    /**
     * The points of a curve with few ignored detections (area {@code all}): walks only the true positives and
     * ignored detections; the false-positive weight before a true positive is the kept weight before it minus
     * the true-positive and ignored weight before it.
     */
    private int fromEvents(CategoryResample row, int base, double positives) {
        if (!prefixReady) {
            double total = 0;
            for (int i = 0; i < row.size(); i++) {
                keptBefore[i] = total;
                total += kept[i];
            }
            prefixReady = true;
        }
        long[] tpBits = row.tp();
        long[] ignoredBits = row.ignored();
        double tp = 0;
        double ignoredWeight = 0;
        int points = 0;
        for (int w = 0; w < CategoryOutcomes.words(row.size()); w++) {
            long ignoredWord = ignoredBits[base + w];
            long events = tpBits[base + w] | ignoredWord;
            while (events != 0) {
                int b = Long.numberOfTrailingZeros(events);
                events &= events - 1;
                int i = (w << 6) + b;
                double weight = kept[i];
                if (weight == 0) {
                    continue;
                }
                if ((ignoredWord >>> b & 1L) != 0) {
                    ignoredWeight += weight;
                    continue;
                }
                double fp = Math.max(0, keptBefore[i] - tp - ignoredWeight);
                tp += weight;
                rc[points] = tp / positives;
                pr[points] = tp / (fp + tp + NumpyMath.EPS);
                points++;
            }
        }
        return points;
    }

    /** The points of a curve with many ignored detections (an area range): walks the ones not ignored. */
    private int fromCounted(CategoryResample row, int base, double positives) {
        int n = row.size();
        long[] tpBits = row.tp();
        long[] ignoredBits = row.ignored();
        double tp = 0;
        double fp = 0;
        int points = 0;
        for (int w = 0; w < CategoryOutcomes.words(n); w++) {
            long valid = n - (w << 6) >= 64 ? -1L : (1L << (n - (w << 6))) - 1;
            long counted = ~ignoredBits[base + w] & valid;
            long tpWord = tpBits[base + w];
            while (counted != 0) {
                int b = Long.numberOfTrailingZeros(counted);
                counted &= counted - 1;
                int i = (w << 6) + b;
                double weight = kept[i];
                if (weight == 0) {
                    continue;
                }
                if ((tpWord >>> b & 1L) != 0) {
                    tp += weight;
                    rc[points] = tp / positives;
                    pr[points] = tp / (fp + tp + NumpyMath.EPS);
                    points++;
                } else {
                    fp += weight;
                }
            }
        }
        return points;
    }
}
