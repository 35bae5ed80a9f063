package dev.deteval.eval.coco;

/**
 * A metric of one's own, computed from a COCO evaluation's match table ({@link MatchView}): the service
 * provider interface of custom metrics. A metric is found by its {@link #name()} in reports, intervals and
 * gate rules; deteval ships {@link TimeDecayAp} ({@code APtime}) and {@link SizeWeightedAp}
 * ({@code APsizeW}) and finds more through {@link java.util.ServiceLoader} (a {@code provides
 * dev.deteval.eval.coco.CustomMetric with …} in a module descriptor, or a
 * {@code META-INF/services/dev.deteval.eval.coco.CustomMetric} file on the class path), see
 * {@link CustomMetrics}.
 *
 * <p>An implementation must be stateless (or immutable) and thread-safe: the bootstrap calls
 * {@link #compute} on several threads at once, once per resample, with views whose image weights are
 * the resample's counts. It must read images only through the view's weights (an image of weight 0 is not
 * in the resample, weight 2 counts twice) for its intervals to mean anything. A service-loaded
 * implementation needs a public no-argument constructor.
 */
public interface CustomMetric {

    /**
     * The name in reports and rules: letters and digits, starting with a letter, at most 32 characters,
     * and no COCO, LVIS or VOC metric name (in any case).
     */
    String name();

    /** One line on what the metric is, for listings of the installed metrics ({@link CustomMetrics#installed()}). */
    String description();

    /**
     * The metric's value on {@code view}, usually in [0, 1]; -1 when it cannot be computed (no ground
     * truth that counts), as for the COCO metrics.
     *
     * @throws IllegalArgumentException when the evaluation lacks what the metric needs (for example a time
     *     on the results); the message says what is missing
     */
    double compute(MatchView view);
}
