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

    /**
     * @param actual the current value (-1 or NaN when missing)
     * @param missingReason why {@code actual} is missing, if it is
     * @param baseline the baseline value, used by drop limits only
     * @param baselineReason why {@code baseline} is missing, if it is
     */
    Outcome outcome(Element element, String name, Limit limit, double actual, String missingReason, double baseline,
            String baselineReason) {
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
        if (drop) {
            int context = limit.scale() + 1;
            message = format(holds ? CheckMessages.DROP_MET : CheckMessages.DROP_VIOLATED, label, limit.metric(),
                    plain(actual, context), plain(baseline, context), shown, bound);
        } else {
            message = format(holds ? CheckMessages.LIMIT_MET : CheckMessages.LIMIT_VIOLATED, label, limit.metric(),
                    shown, limit.kind().word(), bound);
        }
        Outcome.Status status = holds ? Outcome.Status.PASSED : Outcome.Status.VIOLATED;
        return new Outcome(rule, element, name, limit, actual, shownBaseline, status, shown, message);
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
