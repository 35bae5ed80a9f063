package dev.deteval.eval.coco;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bootstrap confidence intervals for COCO metrics. Each resample draws as many images as the evaluation
 * has, uniformly with replacement; the kept match table ({@link OutcomeTable}) is re-accumulated with
 * each image counted as often as it was drawn (no matching again); the interval is the percentile
 * interval of the metric over the resamples. See {@code docs/statistics.md} for the method, its
 * assumptions and its limits.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * The headline metrics that get intervals: {@code AP}, {@code AP50}, {@code AP75} and the average
     * recall over all thresholds at the largest maxDets ({@code AR100} with the defaults, {@code AR} for
     * keypoints), as {@link CocoMetric#headline} defines them.
     */
    public static List<CocoMetric> metrics(CocoParams p) {
        int largest = p.maxDet(p.maxDetCount() - 1);
        List<CocoMetric> out = new ArrayList<>();
        for (CocoMetric m : CocoMetric.named(CocoMetric.headline(p))) {
            boolean precision = List.of("AP", "AP50", "AP75").contains(m.name());
            boolean recall = m.recall() && m.allThresholds() && m.area().equals("all") && m.maxDets() == largest;
            if (precision || recall) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** The per-category metric that gets intervals: AP at the largest maxDets. */
    public static CocoMetric categoryMetric(CocoParams p) {
        return CocoMetric.perCategory(p).get(0);
    }

    /** Intervals for the headline metrics and each category's AP, resamples in parallel. */
    public static ConfidenceIntervals intervals(OutcomeTable table, BootstrapSettings settings) {
        return intervals(table, settings, List.of());
    }

    /**
     * Intervals for the headline metrics, each category's AP and the custom metrics {@code custom} (after the
     * headline ones in {@link ConfidenceIntervals#overall()}), all from the same resamples: a custom metric
     * is computed on each resample's {@link MatchView} (image weights = draw counts). A custom metric that
     * is -1 on the evaluation itself has no interval.
     */
    public static ConfidenceIntervals intervals(OutcomeTable table, BootstrapSettings settings,
            List<CustomMetric> custom) {
        CustomMetrics.checkNames(custom);
        double[] customValues = CustomMetrics.compute(table, custom).values().stream()
                .mapToDouble(Double::doubleValue).toArray();
        CocoParams p = table.params();
        List<CocoMetric> overall = metrics(p);
        List<CocoMetric> category = List.of(categoryMetric(p));
        List<CocoMetric> all = new ArrayList<>(overall);
        all.addAll(category);
        int k = table.categoryRows();
        boolean perCategory = p.useCats();
        double[][] draws = ResampleRuns.run(settings, table.imageCount(), () -> {
            Resampler resampler = new Resampler(table, all);
            RealWeightCurves curves = new RealWeightCurves();
            return weights -> {
                resampler.accumulate(weights);
                int rows = perCategory ? k : 0;
                double[] v = new double[overall.size() + rows + custom.size()];
                System.arraycopy(resampler.values(overall, -1), 0, v, 0, overall.size());
                for (int row = 0; row < rows; row++) {
                    v[overall.size() + row] = resampler.values(category, row)[0];
                }
                MatchView view = custom.isEmpty() ? null : MatchView.resampled(table, weights, curves);
                for (int c = 0; c < custom.size(); c++) {
                    v[overall.size() + rows + c] = custom.get(c).compute(view);
                }
                return v;
            };
        });
        CocoResult result = table.result();
        Map<String, Interval> headline = new LinkedHashMap<>();
        for (int j = 0; j < overall.size(); j++) {
            CocoMetric m = overall.get(j);
            Interval i = result.summary().stat(m.name()) > -1
                    ? Percentiles.interval(Percentiles.defined(draws, j), settings.level()) : null;
            if (i != null) {
                headline.put(m.name(), i);
            }
        }
        int customAt = overall.size() + (perCategory ? k : 0);
        for (int c = 0; c < custom.size(); c++) {
            Interval i = customValues[c] > -1
                    ? Percentiles.interval(Percentiles.defined(draws, customAt + c), settings.level()) : null;
            if (i != null) {
                headline.put(custom.get(c).name(), i);
            }
        }
        Map<Long, Map<String, Interval>> rows = new LinkedHashMap<>();
        long[] ids = result.categoryIds();
        for (int row = 0; perCategory && row < k; row++) {
            String name = category.get(0).name();
            Interval i = result.perCategory().get(row).metric(name) > -1
                    ? Percentiles.interval(Percentiles.defined(draws, overall.size() + row), settings.level()) : null;
            if (i != null) {
                rows.put(ids[row], Map.of(name, i));
            }
        }
        return new ConfidenceIntervals(settings, headline, rows);
    }
}
