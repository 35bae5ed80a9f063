package dev.deteval.maven;

import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.Limit;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <limit>} of the plugin configuration: a metric and at least one of {@code minimum},
 * {@code maximum}, {@code maximumDrop}. Each bound that is set becomes one {@link Limit}. Maven sets the
 * fields; {@link #toLimits()} checks them.
 */
public class LimitConfiguration {

    private String metric;
    private String minimum;
    private String maximum;
    private String maximumDrop;
    private String significance;

    /** @param metric a metric name: AP, AP50, …, AR100, mAP (see the plugin documentation) */
    public void setMetric(String metric) {
        this.metric = metric;
    }

    /** @param minimum the lowest value allowed, 0.35 or 35% */
    public void setMinimum(String minimum) {
        this.minimum = minimum;
    }

    /** @param maximum the highest value allowed, 0.9 or 90% */
    public void setMaximum(String maximum) {
        this.maximum = maximum;
    }

    /** @param maximumDrop how far the value may fall below the baseline report's, 0.01 or 1% */
    public void setMaximumDrop(String maximumDrop) {
        this.maximumDrop = maximumDrop;
    }

    /**
     * @param significance with {@code maximumDrop}: the drop fails only when the paired comparison with the
     *     baseline's detections ({@code <baselineDetections>}) gives a p-value below it, e.g. 0.05
     */
    public void setSignificance(String significance) {
        this.significance = significance;
    }

    /**
     * The limits this element describes, in the order minimum, maximum, maximumDrop.
     *
     * @throws InvalidRuleException for a missing or unknown metric, no bound, or a bad value
     */
    List<Limit> toLimits() {
        List<Limit> limits = new ArrayList<>();
        add(limits, Limit.Kind.MINIMUM, minimum);
        add(limits, Limit.Kind.MAXIMUM, maximum);
        add(limits, Limit.Kind.MAXIMUM_DROP, maximumDrop);
        if (significance != null) {
            if (maximumDrop == null) {
                throw new InvalidRuleException("the limit on " + (metric == null ? "(no metric)" : metric) + " sets"
                        + " <significance> without <maximumDrop>; a significance applies to a maximum drop only");
            }
            limits.set(limits.size() - 1, limits.get(limits.size() - 1).withSignificance(significance));
        }
        if (limits.isEmpty()) {
            throw new InvalidRuleException("the limit on " + (metric == null ? "(no metric)" : metric) + " sets none"
                    + " of <minimum>, <maximum>, <maximumDrop>");
        }
        return limits;
    }

    private void add(List<Limit> limits, Limit.Kind kind, String value) {
        if (value != null) {
            limits.add(Limit.of(metric, kind, value));
        }
    }
}
