package dev.deteval.eval.coco;

import java.util.Arrays;

/**
 * {@code APsizeW}: a size-weighted COCO AP, the weighted mean of AP over the area ranges {@code small},
 * {@code medium} and {@code large} with weights 4, 2 and 1 — each step down in size doubles the weight, so a
 * detector cannot hide poor small-object detection behind large objects, which dominate plain AP.
 * Each range's AP is COCO's (mean over the IoU thresholds and the categories with ground truth in the range,
 * at the largest maxDets); a range without ground truth (AP -1) or missing from the parameters (keypoints
 * have no {@code small}) is left out and the weights of the others are renormalised; -1 when all three are
 * left out. See {@code docs/custom-metrics.md}.
 */
public final class SizeWeightedAp implements CustomMetric {

    /** The metric's name. */
    public static final String NAME = "APsizeW";
    private static final String[] RANGES = {"small", "medium", "large"};
    private static final double[] WEIGHTS = {4, 2, 1};

    /** The service-loaded instance. */
    public SizeWeightedAp() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "(4 APs + 2 APm + 1 APl) / (sum of the weights of the ranges with ground truth)";
    }

    @Override
    public double compute(MatchView view) {
        double[] ones = new double[view.imageCount()];
        Arrays.fill(ones, 1.0);
        double sum = 0;
        double weights = 0;
        for (int r = 0; r < RANGES.length; r++) {
            int a = view.areaIndex(RANGES[r]);
            double ap = a < 0 ? -1 : view.averagePrecision(a, ones);
            if (ap > -1) {
                sum += WEIGHTS[r] * ap;
                weights += WEIGHTS[r];
            }
        }
        return weights == 0 ? -1 : sum / weights;
    }
}
