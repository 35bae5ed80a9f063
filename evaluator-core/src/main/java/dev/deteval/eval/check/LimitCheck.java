package dev.deteval.eval.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Turns one limit and the values it applies to into an {@link Outcome} with its message. */
final class LimitCheck {

    private final int rule;
    private final OnMissing onMissing;

    LimitCheck(int rule, OnMissing onMissing) {
        this.rule = rule;
        this.onMissing = onMissing;
    }

    /** As {@link #outcome(Element, String, Limit, double, String, double, String, MetricSnapshot.Band,
     * MetricSnapshot.Difference)} without interval or comparison. */
    Outcome outcome(Element element, String name, Limit limit, double actual, String missingReason, double baseline,
            String baselineReason) {
        return outcome(element, name, limit, actual, missingReason, baseline, baselineReason, null, null);
    }

    /**
     * @param actual the current value (-1 or NaN when missing)
     * @param missingReason why {@code actual} is missing, if it is
     * @param baseline the baseline value, used by drop limits only
     * @param baselineReason why {@code baseline} is missing, if it is
     * @param band the confidence interval of {@code actual}, shown beside it; null for none
     * @param difference the paired comparison with the baseline's detections; required by a drop limit
     *     with a significance, otherwise unused
     */
    Outcome outcome(Element element, String name, Limit limit, double actual, String missingReason, double baseline,
            String baselineReason, MetricSnapshot.Band band, MetricSnapshot.Difference difference) {
        String label = Outcome.label(element, name);
        boolean drop = limit.kind() == Limit.Kind.MAXIMUM_DROP;
        double shownBaseline = drop ? baseline : Double.NaN;
        if (drop && MetricSnapshot.isMissing(actual) && MetricSnapshot.isMissing(baseline)) {
            // nothing to measure now and nothing then: no value can have dropped
            String message = format(CheckMessages.MISSING_IN_BOTH, label, limit.metric(), missingReason);
            return new Outcome(rule, element, name, limit, actual, shownBaseline, Outcome.Status.IGNORED, "", message);
        }
        if (MetricSnapshot.isMissing(actual)) {
            return missing(element, name, limit, actual, shownBaseline, limit.metric(), missingReason);
        }
        if (drop && MetricSnapshot.isMissing(baseline)) {
            return missing(element, name, limit, actual, shownBaseline, limit.metric() + " drop", baselineReason);
        }
        BigDecimal compared = drop ? Limit.decimal(baseline).subtract(Limit.decimal(actual)) : Limit.decimal(actual);
        boolean holds = limit.holds(compared);
        String shown = limit.format(compared);
        String bound = limit.value().toPlainString();
        String message;
        if (drop && limit.significance() != null) {
            return significanceOutcome(element, name, limit, actual, baseline, band, difference, compared);
        } else if (drop) {
            int context = limit.scale() + 1;
            message = format(holds ? CheckMessages.DROP_MET : CheckMessages.DROP_VIOLATED, label, limit.metric(),
                    withBand(plain(actual, context), band, context), plain(baseline, context), shown, bound);
        } else {
            message = format(holds ? CheckMessages.LIMIT_MET : CheckMessages.LIMIT_VIOLATED, label, limit.metric(),
                    withBand(shown, band, limit.scale()), limit.kind().word(), bound);
        }
        Outcome.Status status = holds ? Outcome.Status.PASSED : Outcome.Status.VIOLATED;
        return new Outcome(rule, element, name, limit, actual, shownBaseline, status, shown, message);
    }

    /**
     * A drop limit with a significance: violated only when the drop exceeds the bound and the paired
     * comparison's p-value is below the significance level.
     */
    private Outcome significanceOutcome(Element element, String name, Limit limit, double actual, double baseline,
            MetricSnapshot.Band band, MetricSnapshot.Difference difference, BigDecimal drop) {
        String label = Outcome.label(element, name);
        if (difference == null) {
            return missing(element, name, limit, actual, baseline, limit.metric() + " drop significance",
                    CheckMessages.REASON_NOT_COMPARED);
        }
        int context = limit.scale() + 1;
        String shown = limit.format(drop);
        BigDecimal alpha = limit.significance();
        // the drop is baseline minus current: its interval is the negated interval of current minus baseline
        String dropText = format(CheckMessages.DROP_WITH_TEST, shown, percent(difference.level()),
                round(-difference.high(), limit.scale(), RoundingMode.FLOOR),
                round(-difference.low(), limit.scale(), RoundingMode.CEILING),
                round(difference.p(), Math.max(3, alpha.scale() + 1), RoundingMode.HALF_EVEN));
        String current = withBand(plain(actual, context), band, context);
        boolean exceeds = !limit.holds(drop);
        boolean significant = difference.p() < alpha.doubleValue();
        String message;
        Outcome.Status status;
        if (exceeds && significant) {
            status = Outcome.Status.VIOLATED;
            message = format(CheckMessages.DROP_VIOLATED, label, limit.metric(), current, plain(baseline, context),
                    dropText, format(CheckMessages.BOUND_AT_SIGNIFICANCE, limit.value().toPlainString(),
                            alpha.toPlainString()));
        } else if (exceeds) {
            status = Outcome.Status.PASSED;
            message = format(CheckMessages.DROP_NOT_SIGNIFICANT, label, limit.metric(), current,
                    plain(baseline, context), dropText, limit.value().toPlainString(), alpha.toPlainString());
        } else {
            status = Outcome.Status.PASSED;
            message = format(CheckMessages.DROP_MET, label, limit.metric(), current, plain(baseline, context), dropText,
                    limit.value().toPlainString());
        }
        return new Outcome(rule, element, name, limit, actual, baseline, status, shown, message);
    }

    /** {@code value}, followed by its interval at {@code scale} decimals (widened outwards) when there is one. */
    private static String withBand(String value, MetricSnapshot.Band band, int scale) {
        if (band == null) {
            return value;
        }
        return format(CheckMessages.WITH_INTERVAL, value, percent(band.level()),
                round(band.low(), scale, RoundingMode.FLOOR), round(band.high(), scale, RoundingMode.CEILING));
    }

    /** A confidence level as a percentage: 0.95 gives {@code 95%}. */
    static String percent(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String round(double value, int scale, RoundingMode mode) {
        return Limit.decimal(value).setScale(scale, mode).toPlainString();
    }

    private Outcome missing(Element element, String name, Limit limit, double actual, double baseline, String what,
            String reason) {
        boolean ignore = onMissing == OnMissing.IGNORE;
        String message = format(ignore ? CheckMessages.MISSING_IGNORED : CheckMessages.MISSING_VIOLATED,
                Outcome.label(element, name), what, reason);
        Outcome.Status status = ignore ? Outcome.Status.IGNORED : Outcome.Status.MISSING;
        return new Outcome(rule, element, name, limit, actual, baseline, status, "", message);
    }

    /** A value for context (not compared), at {@code scale} decimals, rounded half-even. */
    private static String plain(double value, int scale) {
        return Limit.decimal(value).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
