package dev.deteval.eval.coco;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a candidate's detections with a baseline's on the same ground truth by a paired bootstrap:
 * every resample draws one set of images and re-accumulates both match tables with it, so the
 * difference is measured on the same images each time and what the images have in common cancels out.
 * The interval is the percentile interval of the resampled differences; the p-value is the two-sided
 * bootstrap p-value of a zero difference (see {@code docs/statistics.md}).
 */
public final class PairedComparison {

    private PairedComparison() {
    }

    /**
     * Compares the headline metrics ({@link Bootstrap#metrics}) of {@code candidate} and {@code baseline}.
     *
     * @throws IllegalArgumentException when the two were not evaluated on the same images with the same
     *     parameters
     */
    public static Comparison compare(OutcomeTable candidate, OutcomeTable baseline, BootstrapSettings settings) {
        return compare(candidate, baseline, settings, List.of());
    }

    /**
     * Compares the headline metrics ({@link Bootstrap#metrics}) and the custom metrics {@code custom} (after
     * them) of {@code candidate} and {@code baseline}; each resample computes a custom metric on both tables'
     * views with the same image weights.
     *
     * @throws IllegalArgumentException when the two were not evaluated on the same images with the same
     *     parameters, or a custom metric cannot be computed on one of them
     */
    public static Comparison compare(OutcomeTable candidate, OutcomeTable baseline, BootstrapSettings settings,
            List<CustomMetric> custom) {
        candidate.requireSameImages(baseline);
        List<CocoMetric> metrics = Bootstrap.metrics(candidate.params());
        int headline = metrics.size();
        int n = headline + custom.size();
        double[] candidateCustom = values(CustomMetrics.compute(candidate, custom));
        double[] baselineCustom = values(CustomMetrics.compute(baseline, custom));
        double[][] draws = ResampleRuns.run(settings, candidate.imageCount(), () -> {
            Resampler c = new Resampler(candidate, metrics);
            Resampler b = new Resampler(baseline, metrics);
            RealWeightCurves cc = new RealWeightCurves();
            RealWeightCurves bc = new RealWeightCurves();
            return weights -> {
                c.accumulate(weights);
                b.accumulate(weights);
                double[] cv = java.util.Arrays.copyOf(c.values(metrics, -1), n);
                double[] bv = java.util.Arrays.copyOf(b.values(metrics, -1), n);
                MatchView cView = custom.isEmpty() ? null : MatchView.resampled(candidate, weights, cc);
                MatchView bView = custom.isEmpty() ? null : MatchView.resampled(baseline, weights, bc);
                for (int j = headline; j < n; j++) {
                    cv[j] = custom.get(j - headline).compute(cView);
                    bv[j] = custom.get(j - headline).compute(bView);
                }
                double[] d = new double[n];
                for (int j = 0; j < n; j++) {
                    // NaN marks a resample in which either value is undefined
                    d[j] = cv[j] > -1 && bv[j] > -1 ? cv[j] - bv[j] : Double.NaN;
                }
                return d;
            };
        });
        List<MetricDifference> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            boolean coco = j < headline;
            String name = coco ? metrics.get(j).name() : custom.get(j - headline).name();
            double cv = coco ? candidate.result().summary().stat(name) : candidateCustom[j - headline];
            double bv = coco ? baseline.result().summary().stat(name) : baselineCustom[j - headline];
            double[] d = differences(draws, j);
            if (cv <= -1 || bv <= -1 || d.length == 0) {
                continue;
            }
            Interval i = Percentiles.interval(d, settings.level());
            out.add(new MetricDifference(name, cv, bv, cv - bv, i.low(), i.high(), Percentiles.pValue(d), d.length));
        }
        return new Comparison(settings, out);
    }

    private static double[] values(java.util.Map<String, Double> byName) {
        return byName.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] differences(double[][] draws, int j) {
        return java.util.Arrays.stream(draws).mapToDouble(d -> d[j]).filter(v -> !Double.isNaN(v)).toArray();
    }
}
