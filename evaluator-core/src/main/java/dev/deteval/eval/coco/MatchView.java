package dev.deteval.eval.coco;

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
    private final RealWeightCurves curves;

    private MatchView(OutcomeTable table, double[] weights, RealWeightCurves curves) {
        this.table = table;
        this.weights = weights;
        this.curves = curves;
    }

    /** The view of the evaluation itself: every image weight 1. */
    public static MatchView of(OutcomeTable table) {
        double[] ones = new double[table.imageCount()];
        Arrays.fill(ones, 1.0);
        return new MatchView(table, ones, new RealWeightCurves());
    }

    /**
     * The view of one resample: image {@code i} weighs {@code counts[i]} (how often it was drawn). The view
     * uses {@code curves}' arrays, so it and every other view on the same curves belong to one thread, and
     * only the last one made is valid.
     */
    static MatchView resampled(OutcomeTable table, int[] counts, RealWeightCurves curves) {
        return new MatchView(table, curves.counts(counts), curves);
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
        double[] effective = curves.imageWeights(weights, factors);
        double sum = 0;
        long entries = 0;
        for (int k = 0; k < categoryCount(); k++) {
            double positives = groundTruths(k, a, factors);
            if (!(positives > 0)) {
                continue;
            }
            CategoryResample row = table.row(k);
            curves.start(row, effective, maxDet);
            for (int t = 0; t < p.iouCount(); t++) {
                sum += curves.sampledSum(row, (a * p.iouCount() + t) * CategoryOutcomes.words(row.size()), positives,
                        p);
                entries += p.recCount();
            }
        }
        return entries == 0 ? -1 : sum / entries;
    }

    /** The index of area label {@code label} in the parameters, or -1. */
    public int areaIndex(String label) {
        return Arrays.asList(params().areaRngLbl()).indexOf(label);
    }
}
