package dev.deteval.eval.check;

import dev.deteval.eval.coco.CocoMetric;
import dev.deteval.eval.coco.CustomMetrics;
import dev.deteval.eval.coco.LvisMetric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One bound on one metric: a minimum, a maximum, or a maximum drop against a baseline report. Values
 * are ratios in [0, 1] kept as {@link BigDecimal}s, so the scale the user wrote survives: {@code 0.450}
 * prints with three decimals, {@code 35%} is 0.35 and prints with two.
 *
 * <p>Comparisons use the decimal that {@link Double#toString(double)} gives for the metric value (the
 * shortest decimal that reads back as the same double, which is what the JSON report holds), so an AP
 * computed as the double nearest to 0.35 meets a minimum of 0.35.
 *
 * <p>Printed values are rounded against the user at the limit's scale (at least three decimals): a value checked against a
 * minimum is rounded down, a value or drop checked against a maximum is rounded up. A failing value
 * therefore never prints as a passing one, and a passing one never prints as failing. Immutable.
 */
public final class Limit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The most decimals a limit may have (as a ratio; a percentage two fewer). Metrics are doubles, good
     * to about 16 significant digits, and printed at the limit's scale: more decimals than this add nothing
     * but very long numbers (and {@code 1e-999999999} would ask for a billion digits).
     */
    public static final int MAX_DECIMALS = 12;

    /** The longest limit text accepted, in characters. */
    public static final int MAX_TEXT = 40;

    /** The kind of bound. */
    public enum Kind {
        /** The metric must be at least the value. */
        MINIMUM("minimum", ">="),
        /** The metric must be at most the value. */
        MAXIMUM("maximum", "<="),
        /** The metric may fall by at most the value below its baseline (baseline minus current). */
        MAXIMUM_DROP("maximum drop", ":maxDrop=");

        private final String word;
        private final String operator;

        Kind(String word, String operator) {
            this.word = word;
            this.operator = operator;
        }

        /** The words used in messages: {@code minimum}, {@code maximum}, {@code maximum drop}. */
        public String word() {
            return word;
        }

        /** The operator of the rule syntax: {@code >=}, {@code <=}, {@code :maxDrop=}. */
        public String operator() {
            return operator;
        }
    }

    private final String metric;
    private final Kind kind;
    private final BigDecimal value;
    private final BigDecimal significance;

    private Limit(String metric, Kind kind, BigDecimal value, BigDecimal significance) {
        this.metric = metric;
        this.kind = kind;
        this.value = value.scale() < 0 ? value.setScale(0) : value;
        this.significance = significance;
    }

    /**
     * A limit of the given kind.
     *
     * @param metric a metric name, any case ({@code AP}, {@code ap50}, {@code mAP}, …)
     * @param kind the kind of bound
     * @param value a ratio such as {@code 0.35} or a percentage such as {@code 35%}
     * @throws InvalidRuleException for an unknown metric, or a value that is not a number in [0, 1]
     */
    public static Limit of(String metric, Kind kind, String value) {
        String name = canonical(metric);
        return new Limit(name, Objects.requireNonNull(kind, "kind"), parseRatio(value, name + " " + kind.word()),
                null);
    }

    /**
     * This drop limit, violated only when the drop is also significant: when the paired comparison of the
     * current detections with the baseline's gives a p-value below {@code alpha} (see
     * {@code docs/statistics.md}). Such a limit needs the baseline's detections, not only its report.
     *
     * @param alpha the significance level, strictly between 0 and 1 ({@code 0.05} or {@code 5%})
     * @throws InvalidRuleException for a limit that is not a maximum drop, or a level outside (0, 1)
     */
    public Limit withSignificance(String alpha) {
        if (kind != Kind.MAXIMUM_DROP) {
            throw new InvalidRuleException(metric + " " + kind.word() + ": a significance applies to a maximum drop"
                    + " only (a drop is what the paired comparison tests)");
        }
        BigDecimal a = parseRatio(alpha, metric + " significance");
        if (a.signum() == 0 || a.compareTo(BigDecimal.ONE) == 0) {
            throw new InvalidRuleException(metric + " significance '" + alpha + "' must lie strictly between 0 and 1,"
                    + " e.g. 0.05");
        }
        return new Limit(metric, kind, value, a);
    }

    /** The significance level a drop must reach to violate this limit, or null when any drop counts. */
    public BigDecimal significance() {
        return significance;
    }

    /**
     * The canonical spelling of a metric name some protocol reports ({@code ap50} gives {@code AP50},
     * {@code map} gives {@code mAP}, {@code ar300} gives {@code AR300}).
     *
     * @throws InvalidRuleException when no protocol has a metric of that name
     */
    static String canonical(String metric) {
        String t = metric == null ? "" : metric.trim();
        if (t.isEmpty()) {
            throw new InvalidRuleException("a limit has no metric; " + KNOWN);
        }
        String coco = CocoMetric.canonical(t);
        if (coco != null) {
            return coco;
        }
        String lvis = LvisMetric.canonical(t);
        if (lvis != null) {
            return lvis;
        }
        if (t.equalsIgnoreCase("mAP")) {
            return "mAP";
        }
        String custom = CustomMetrics.canonical(t);
        if (custom != null) {
            return custom;
        }
        throw new InvalidRuleException("unknown metric '" + metric + "'; " + KNOWN + "; custom metrics: "
                + CustomMetrics.names());
    }

    private static final String KNOWN = "known metrics: AP, AP50, AP75, APs, APm, APl, AR<maxDets> (AR1, AR10,"
            + " AR100 by default, AR300 with maxDets 300), ARs, ARm, ARl, AR50, AR75, AR (keypoints), APr, APc, APf"
            + " (LVIS), mAP (VOC)";

    /** The fewest decimals a value is printed with, whatever the limit's scale. */
    public static final int MIN_SHOWN_DECIMALS = 3;

    /** A minimum; see {@link #of(String, Kind, String)}. */
    public static Limit minimum(String metric, String value) {
        return of(metric, Kind.MINIMUM, value);
    }

    /** A maximum; see {@link #of(String, Kind, String)}. */
    public static Limit maximum(String metric, String value) {
        return of(metric, Kind.MAXIMUM, value);
    }

    /** A maximum drop against the baseline; see {@link #of(String, Kind, String)}. */
    public static Limit maximumDrop(String metric, String value) {
        return of(metric, Kind.MAXIMUM_DROP, value);
    }

    /**
     * Parses a ratio: a decimal ({@code 0.35}) or a percentage ({@code 35%}, {@code 55.5%}), which must lie
     * in [0, 1]. The scale of the result is the number of decimals of the ratio ({@code 35%} gives 0.35).
     *
     * @param what names the value in error messages, e.g. {@code AP minimum}
     * @throws InvalidRuleException when the text is not such a number
     */
    public static BigDecimal parseRatio(String text, String what) {
        String t = text == null ? "" : text.trim();
        if (t.length() > MAX_TEXT) {
            throw new InvalidRuleException(what + " '" + t.substring(0, MAX_TEXT) + "…' is longer than " + MAX_TEXT
                    + " characters; write a ratio such as 0.35 or a percentage such as 35%");
        }
        boolean percent = t.endsWith("%");
        String digits = percent ? t.substring(0, t.length() - 1).trim() : t;
        BigDecimal v;
        try {
            v = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw new InvalidRuleException(what + " '" + text + "' is not a number; write a ratio such as 0.35"
                    + " or a percentage such as 35%");
        }
        if (v.scale() > MAX_DECIMALS - (percent ? 2 : 0)) {
            throw new InvalidRuleException(what + " '" + text + "' has more than " + MAX_DECIMALS + " decimals"
                    + " as a ratio; limits are written with at most " + MAX_DECIMALS);
        }
        if (percent) {
            v = v.movePointLeft(2);
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            String hint = !percent && v.compareTo(BigDecimal.ONE) > 0 && v.compareTo(HUNDRED) <= 0
                    ? " (did you mean " + t + "%?)" : "";
            throw new InvalidRuleException(what + " '" + text + "' is outside [0, 1]; metrics are ratios, write"
                    + " 0.35 or 35%" + hint);
        }
        return v;
    }

    /** The canonical metric name. */
    public String metric() {
        return metric;
    }

    /** The kind of bound. */
    public Kind kind() {
        return kind;
    }

    /** The bound, with the scale the user wrote. */
    public BigDecimal value() {
        return value;
    }

    /**
     * The number of decimals used when printing values checked against this limit: the limit's own, but at
     * least {@value #MIN_SHOWN_DECIMALS}, so an AP of 0.395 against {@code 0.4} reads 0.395, not 0.3.
     */
    public int scale() {
        return Math.max(value.scale(), MIN_SHOWN_DECIMALS);
    }

    /**
     * Whether {@code compared} (the metric value, or for a drop limit the drop) satisfies this limit.
     */
    public boolean holds(BigDecimal compared) {
        int c = compared.compareTo(value);
        return kind == Kind.MINIMUM ? c >= 0 : c <= 0;
    }

    /**
     * Prints {@code compared} at this limit's scale, rounded against the user: down for a minimum, up for
     * a maximum or a drop.
     */
    public String format(BigDecimal compared) {
        RoundingMode mode = kind == Kind.MINIMUM ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return compared.setScale(scale(), mode).toPlainString();
    }

    /** The exact decimal a metric value is compared as (see the class comment). */
    static BigDecimal decimal(double metricValue) {
        return BigDecimal.valueOf(metricValue);
    }

    /** In rule syntax, e.g. {@code AP>=0.450}, {@code AP:maxDrop=0.01} or {@code AP:maxDrop=0.01;significance=0.05}. */
    @Override
    public String toString() {
        return metric + kind.operator() + value.toPlainString()
                + (significance == null ? "" : ";significance=" + significance.toPlainString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limit l && l.metric.equals(metric) && l.kind == kind && l.value.equals(value)
                && Objects.equals(l.significance, significance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, kind, value, significance);
    }
}
