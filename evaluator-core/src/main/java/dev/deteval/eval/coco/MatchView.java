package dev.deteval.eval.coco;

import dev.deteval.eval.internal.NumpyMath;
import java.util.Arrays;

/**
 * A read-only view of a COCO evaluation's match table ({@link OutcomeTable}) for {@link CustomMetric}s,
 * with a weight per image: 1 for every image on the evaluation itself, the number of times the image was
 * drawn on a bootstrap resample.
 *
 * <p>Indices. Images are numbered {@code 0 … imageCount()-1} in evaluation order (ascending image id).
 * Category rows {@code k} are those of the precision table ({@code 0 … categoryCount()-1}, one pooled row
 * when {@code useCats} is 0). Within a row, detections {@code i} are in the merged score order of
 * pycocotools' accumulate (descending score; ties by image, then rank), each image's cut to the largest
 * maxDets. Area ranges {@code a} and IoU thresholds {@code t} are indices into the parameters'
 * {@code areaRng} and {@code iouThrs}.
 */
public final class MatchView {

    private final OutcomeTable table;
    private final double[] weights;
    private final Scratch scratch;

    private MatchView(OutcomeTable table, double[] weights, Scratch scratch) {
        this.table = table;
        this.weights = weights;
        this.scratch = scratch;
    }

    /** The view of the evaluation itself: every image weight 1. */
    public static MatchView of(OutcomeTable table) {
        double[] ones = new double[table.imageCount()];
        Arrays.fill(ones, 1.0);
        return new MatchView(table, ones, new Scratch());
    }

    /**
     * The view of one resample: image {@code i} weighs {@code counts[i]} (how often it was drawn). The view
     * uses {@code scratch}'s arrays, so it and every other view on the same scratch belong to one thread,
     * and only the last one made is valid.
     */
    static MatchView resampled(OutcomeTable table, int[] counts, Scratch scratch) {
        double[] w = scratch.weights(counts.length);
        for (int i = 0; i < w.length; i++) {
            w[i] = counts[i];
        }
        return new MatchView(table, w, scratch);
    }

    /** Arrays reused across the views of one thread's resamples. */
    static final class Scratch {
        private double[] weights = new double[0];
        private double[] rc = new double[16];
        private double[] pr = new double[16];
        private double[] keptBefore = new double[16];
        private double[] kept = new double[16];

        double[] weights(int n) {
            if (weights.length != n) {
                weights = new double[n];
            }
            return weights;
        }

        void ensure(int n) {
            if (rc.length < n) {
                int size = Math.max(n, 2 * rc.length);
                rc = new double[size];
                pr = new double[size];
                keptBefore = new double[size];
                kept = new double[size];
            }
        }
    }

    /** The evaluation's parameters. */
    public CocoParams params() {
        return table.params();
    }

    /** The number of images evaluated. */
    public int imageCount() {
        return weights.length;
    }

    /** The weight of image {@code image}: 1, or its count in a resample. */
    public double weight(int image) {
        return weights[image];
    }

    /** Whether the results gave any detection a {@code "time"}. */
    public boolean hasTimes() {
        return table.hasTimes();
    }

    /** The time of an image: the largest {@code "time"} among its detections, NaN when none has one. */
    public double time(int image) {
        return table.imageTime(image);
    }

    /** The number of category rows. */
    public int categoryCount() {
        return table.categoryRows();
    }

    /** The number of detections of row {@code k}. */
    public int detectionCount(int k) {
        return table.row(k).size();
    }

    /** The image of detection {@code i} of row {@code k}. */
    public int image(int k, int i) {
        return table.row(k).imageOf()[i];
    }

    /** The rank of detection {@code i} of row {@code k} within its image (0 = its highest score). */
    public int rank(int k, int i) {
        return table.row(k).rank()[i];
    }

    /** Whether detection {@code i} of row {@code k} is a true positive in area range {@code a} at threshold {@code t}. */
    public boolean truePositive(int k, int a, int t, int i) {
        return bit(table.row(k).tp(), k, a, t, i);
    }

    /** Whether detection {@code i} of row {@code k} is ignored in area range {@code a} at threshold {@code t}. */
    public boolean ignored(int k, int a, int t, int i) {
        return bit(table.row(k).ignored(), k, a, t, i);
    }

    private boolean bit(long[] bits, int k, int a, int t, int i) {
        int words = CategoryOutcomes.words(detectionCount(k));
        long word = bits[(a * params().iouCount() + t) * words + (i >>> 6)];
        return (word >>> (i & 63) & 1L) != 0;
    }

    /** The weighted number of ground truths of row {@code k} that count in area range {@code a}. */
    public double groundTruths(int k, int a) {
        return groundTruths(k, a, null);
    }

    private double groundTruths(int k, int a, double[] factors) {
        CategoryResample row = table.row(k);
        int[] images = row.gtImages();
        int[] counted = row.counted();
        int areas = params().areaCount();
        double sum = 0;
        for (int e = 0; e < images.length; e++) {
            sum += effective(images[e], factors) * counted[e * areas + a];
        }
        return sum;
    }

    private double effective(int image, double[] factors) {
        return factors == null ? weights[image] : weights[image] * factors[image];
    }

    /**
     * COCO AP in area range {@code a} at the largest maxDets — precision averaged over the 101 recall
     * thresholds, the IoU thresholds and the categories that have ground truth there — with image
     * {@code i} counted {@code weight(i) * factors[i]} times (real factors allowed: a detection of weight
     * 0.5 adds half a true or false positive, a ground truth half a positive). With every factor 1 this is
     * the evaluation's own AP for that range (up to the order of the final sums). -1 when no category has
     * ground truth of positive weight in the range.
     *
     * @param factors one finite factor ≥ 0 per image
     */
    public double averagePrecision(int a, double[] factors) {
        if (factors.length != weights.length) {
            throw new IllegalArgumentException("need one factor per image (" + weights.length + "), got "
                    + factors.length);
        }
        CocoParams p = params();
        int maxDet = p.maxDet(p.maxDetCount() - 1);
        double sum = 0;
        long entries = 0;
        for (int k = 0; k < categoryCount(); k++) {
            double positives = groundTruths(k, a, factors);
            if (!(positives > 0)) {
                continue;
            }
            CategoryResample row = table.row(k);
            scratch.ensure(row.size());
            keptWeights(row, factors, maxDet);
            boolean prefix = false;
            for (int t = 0; t < p.iouCount(); t++) {
                int base = (a * p.iouCount() + t) * CategoryOutcomes.words(row.size());
                int points;
                if (ignoredCount(row, base) * 2 < row.size()) {
                    if (!prefix) {
                        keptBefore(row.size());
                        prefix = true;
                    }
                    points = curveFromEvents(row, base, positives);
                } else {
                    points = curveFromCounted(row, base, positives);
                }
                sum += sampledSum(p, scratch.rc, scratch.pr, points);
                entries += p.recCount();
            }
        }
        return entries == 0 ? -1 : sum / entries;
    }

    private static int ignoredCount(CategoryResample row, int base) {
        int count = 0;
        long[] ignored = row.ignored();
        for (int w = 0; w < CategoryOutcomes.words(row.size()); w++) {
            count += Long.bitCount(ignored[base + w]);
        }
        return count;
    }

    /** Writes each detection's weight to the scratch array: its image's, or 0 when ranked beyond maxDet. */
    private void keptWeights(CategoryResample row, double[] factors, int maxDet) {
        double[] kept = scratch.kept;
        int[] rank = row.rank();
        int[] imageOf = row.imageOf();
        for (int i = 0; i < rank.length; i++) {
            kept[i] = rank[i] < maxDet ? effective(imageOf[i], factors) : 0;
        }
    }

    /** Writes the weight of the kept detections before each merged place to the scratch array. */
    private void keptBefore(int n) {
        double[] before = scratch.keptBefore;
        double[] kept = scratch.kept;
        double total = 0;
        for (int i = 0; i < n; i++) {
            before[i] = total;
            total += kept[i];
        }
    }

    /**
     * The true-positive points of one curve, walking only the true positives and ignored detections (few
     * ignored ones): the false-positive weight before a true positive is the kept weight before it minus the
     * true-positive and ignored weight before it.
     */
    private int curveFromEvents(CategoryResample row, int base, double positives) {
        double[] kept = scratch.kept;
        long[] tpBits = row.tp();
        long[] ignoredBits = row.ignored();
        double[] rc = scratch.rc;
        double[] pr = scratch.pr;
        double[] before = scratch.keptBefore;
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
                double fp = Math.max(0, before[i] - tp - ignoredWeight);
                tp += weight;
                rc[points] = tp / positives;
                pr[points] = tp / (fp + tp + NumpyMath.EPS);
                points++;
            }
        }
        return points;
    }

    /** The true-positive points of one curve, walking the detections that are not ignored (many ignored ones). */
    private int curveFromCounted(CategoryResample row, int base, double positives) {
        int n = row.size();
        double[] kept = scratch.kept;
        long[] tpBits = row.tp();
        long[] ignoredBits = row.ignored();
        double[] rc = scratch.rc;
        double[] pr = scratch.pr;
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

    /**
     * The sum over the recall thresholds of the interpolated precision of a curve given by its true-positive
     * points (recall ascending): the envelope from the right, sampled with a left search.
     */
    private static double sampledSum(CocoParams p, double[] rc, double[] pr, int points) {
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

    /** The index of area label {@code label} in the parameters, or -1. */
    public int areaIndex(String label) {
        return Arrays.asList(params().areaRngLbl()).indexOf(label);
    }
}
