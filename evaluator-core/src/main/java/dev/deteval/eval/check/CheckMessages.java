package dev.deteval.eval.check;

/**
 * Every line the gate prints, as constants or {@link String#format} patterns, so front-ends log exactly
 * these and tests can search logs for them. Formats take, in order, the element label ({@code dataset}
 * or {@code category person}), the metric, and the values shown.
 */
public final class CheckMessages {

    /** Printed once when every rule holds. */
    public static final String RULES_MET = "All detection metric rules have been met.";

    /**
     * Printed once, after the violation lines, when a rule is violated; also the first line of the build
     * failure's message, which lists the violations after it ({@link CheckResult#failureMessage()}).
     */
    public static final String RULES_VIOLATED = "Detection metric rules have not been met.";

    /** The start of every violation line. */
    public static final String VIOLATION_PREFIX = "Rule violated for ";

    /**
     * A minimum or maximum not met: element, metric, value, {@code minimum}/{@code maximum}, limit. For
     * example {@code Rule violated for category person: AP is 0.412, but expected minimum is 0.450}.
     */
    public static final String LIMIT_VIOLATED = VIOLATION_PREFIX + "%s: %s is %s, but expected %s is %s";

    /** A minimum or maximum met: element, metric, value, {@code minimum}/{@code maximum}, limit. */
    public static final String LIMIT_MET = "Rule met for %s: %s is %s, expected %s is %s";

    /**
     * A drop larger than allowed: element, metric, current value, baseline value, drop, limit. For example
     * {@code Rule violated for dataset: AP is 0.4096 against baseline 0.4204, a drop of 0.011, but expected
     * maximum drop is 0.010}.
     */
    public static final String DROP_VIOLATED = VIOLATION_PREFIX
            + "%s: %s is %s against baseline %s, a drop of %s, but expected maximum drop is %s";

    /**
     * A drop larger than the limit that the paired comparison with the baseline's detections does not find
     * significant, so the rule holds: element, metric, current value, baseline value, drop (with its
     * interval and p-value), limit, significance level. For example {@code Rule met for dataset: AP is
     * 0.4096 against baseline 0.4204, a drop of 0.011 (95% CI -0.004–0.026, p = 0.210), above the maximum
     * drop 0.010 but not significant at 0.05}.
     */
    public static final String DROP_NOT_SIGNIFICANT = "Rule met for %s: %s is %s against baseline %s, a drop of %s,"
            + " above the maximum drop %s but not significant at %s";

    /** How a significance-aware limit's bound is shown in {@link #DROP_VIOLATED}: limit, significance level. */
    public static final String BOUND_AT_SIGNIFICANCE = "%s at significance %s";

    /**
     * A value with its confidence interval: value, level ({@code 95%}), low, high. For example
     * {@code 0.412 (95% CI 0.398–0.426)}.
     */
    public static final String WITH_INTERVAL = "%s (%s CI %s–%s)";

    /**
     * A drop with the interval of the drop and the p-value of the paired comparison: drop, level, low, high,
     * p. For example {@code 0.011 (95% CI 0.004–0.018, p = 0.003)}.
     */
    public static final String DROP_WITH_TEST = "%s (%s CI %s–%s, p = %s)";

    /** A drop within the limit (negative when the metric rose): as {@link #DROP_VIOLATED}. */
    public static final String DROP_MET = "Rule met for %s: %s is %s against baseline %s, a drop of %s, expected"
            + " maximum drop is %s";

    /**
     * A value that cannot be computed, failing the rule: element, what ({@code AP} or {@code AP drop}),
     * reason (one of the {@code REASON_} texts).
     */
    public static final String MISSING_VIOLATED = VIOLATION_PREFIX + "%s: %s cannot be computed: %s";

    /** A value that cannot be computed, ignored because the rule says {@code onMissing=IGNORE}. */
    public static final String MISSING_IGNORED = "Rule ignored for %s: %s cannot be computed: %s (onMissing is"
            + " IGNORE)";

    /**
     * A drop limit whose value cannot be computed in this run nor in the baseline (say a category without
     * ground truth in both): nothing can have dropped, so it is ignored whatever onMissing says. Element,
     * metric, reason.
     */
    public static final String MISSING_IN_BOTH = "Rule ignored for %s: %s cannot be computed in this run nor in"
            + " the baseline: %s";

    /** Reason: a per-category value of -1. */
    public static final String REASON_NO_GROUND_TRUTH = "the category has no ground truth";

    /** Reason: a per-category APs/APm/APl of -1; takes the area label. */
    public static final String REASON_NO_GROUND_TRUTH_IN_AREA = "the category has no ground truth in the %s area"
            + " range";

    /** Reason: an include pattern that matches no category; takes the pattern. */
    public static final String REASON_NO_CATEGORY_MATCHES = "no category matches the include pattern '%s'";

    /** Reason: a dataset value of -1 whose cause the snapshot does not know. */
    public static final String REASON_MINUS_ONE = "the evaluation gave -1 for it (nothing to measure, or"
            + " parameters that lack what it needs)";

    /** Reason: a value the evaluation or report does not contain at all. */
    public static final String REASON_ABSENT = "the evaluation has no value for it";

    /** Reason for a drop: the baseline has no such category; takes the category name. */
    public static final String REASON_BASELINE_NO_CATEGORY = "the baseline has no category %s";

    /** Reason for a significance-aware drop: the metric is not among those the paired comparison tests. */
    public static final String REASON_NOT_COMPARED = "the paired comparison with the baseline's detections does not"
            + " test this metric (it tests AP, AP50, AP75, AR at the largest maxDets and the custom metrics computed)";

    /** Reason for a drop: the baseline value is -1 or absent. */
    public static final String REASON_BASELINE_MISSING = "the baseline has no value for it (-1 or absent)";

    private CheckMessages() {
    }
}
