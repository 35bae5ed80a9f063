package dev.deteval.eval.coco;

/**
 * {@code APtime}: COCO AP (area {@code all}, mean over the IoU thresholds, at the largest maxDets) in which
 * recent images weigh more. An image's time is the largest {@code "time"} among its results (a frame index or
 * seconds); with {@code T} the latest image time of the evaluation, image {@code i} counts
 * {@code exp(-(T - t_i) / tau)} times: its ground truths as that many positives, its detections as that many
 * true or false positives. An image {@code tau} older than the latest counts {@code 1/e ≈ 0.37}, one
 * {@code 3 tau} older about 0.05. An image none of whose results has a time counts fully (weight 1), so a
 * frame the detector missed entirely is not discounted. See {@code docs/custom-metrics.md}.
 */
public final class TimeDecayAp implements CustomMetric {

    /** The metric's name. */
    public static final String NAME = "APtime";
    /** The default decay time, in the results' time unit. */
    public static final double DEFAULT_TAU = 10.0;

    private final double tau;

    /** {@code APtime} with decay time {@value #DEFAULT_TAU} (the service-loaded instance). */
    public TimeDecayAp() {
        this(DEFAULT_TAU);
    }

    /**
     * {@code APtime} with decay time {@code tau}.
     *
     * @param tau the time, in the results' unit, over which a weight falls by the factor e; finite, &gt; 0
     */
    public TimeDecayAp(double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be a finite number above 0, got " + tau);
        }
        this.tau = tau;
    }

    /** The decay time. */
    public double tau() {
        return tau;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "AP @[IoU=0.50:0.95 | area=all] with image weight exp(-(latest time - image time) / " + tau + ")";
    }

    /** The factor of each image: {@code exp(-(T - t_i) / tau)}, 1 for an image without a time. */
    double[] factors(MatchView view) {
        if (!view.hasTimes()) {
            throw new IllegalArgumentException(NAME + " needs a numeric \"time\" (frame index or seconds) on the"
                    + " results, and none of them has one");
        }
        int n = view.imageCount();
        double latest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double t = view.time(i);
            if (t > latest) {
                latest = t;
            }
        }
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double t = view.time(i);
            f[i] = Double.isNaN(t) ? 1.0 : Math.exp(-(latest - t) / tau);
        }
        return f;
    }

    @Override
    public double compute(MatchView view) {
        int all = view.areaIndex("all");
        return all < 0 ? -1 : view.averagePrecision(all, factors(view));
    }
}
