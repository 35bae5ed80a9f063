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
        candidate.requireSameImages(baseline);
        List<CocoMetric> metrics = Bootstrap.metrics(candidate.params());
        int n = metrics.size();
        double[][] draws = ResampleRuns.run(settings, candidate.imageCount(), () -> {
            Resampler c = new Resampler(candidate, metrics);
            Resampler b = new Resampler(baseline, metrics);
            return weights -> {
                c.accumulate(weights);
                b.accumulate(weights);
                double[] cv = c.values(metrics, -1);
                double[] bv = b.values(metrics, -1);
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
            String name = metrics.get(j).name();
            double cv = candidate.result().summary().stat(name);
            double bv = baseline.result().summary().stat(name);
            double[] d = differences(draws, j);
            if (cv <= -1 || bv <= -1 || d.length == 0) {
                continue;
            }
            Interval i = Percentiles.interval(d, settings.level());
            out.add(new MetricDifference(name, cv, bv, cv - bv, i.low(), i.high(), Percentiles.pValue(d), d.length));
        }
        return new Comparison(settings, out);
    }

    private static double[] differences(double[][] draws, int j) {
        return java.util.Arrays.stream(draws).mapToDouble(d -> d[j]).filter(v -> !Double.isNaN(v)).toArray();
    }
}
