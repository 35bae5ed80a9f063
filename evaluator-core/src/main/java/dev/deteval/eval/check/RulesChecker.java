package dev.deteval.eval.check;

import dev.deteval.eval.check.MetricSnapshot.CategoryValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks rules against an evaluation and, for drop limits, a baseline. Immutable and reusable.
 *
 * <pre>{@code
 * RulesChecker checker = new RulesChecker(List.of(RuleSyntax.parse("AP>=0.35")));
 * CheckResult result = checker.check(snapshot, null);
 * result.violations().forEach(v -> log.error(v.message()));
 * }</pre>
 *
 * <p>Before anything is compared the configuration is checked as a whole: every metric must be one the
 * evaluation reports for the rule's element, an include without wildcards must name a category that
 * exists, a drop limit needs a baseline, and the baseline must come from the same protocol, mode and
 * iouType. Problems there are {@link InvalidRuleException}s, never outcomes.
 *
 * <p>The same limit on the same element is checked once, however many rules select it (the first rule
 * that does is named in the outcome).
 */
public final class RulesChecker {

    private final List<Rule> rules;

    /** @param rules the rules, checked in this order */
    public RulesChecker(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules. */
    public List<Rule> rules() {
        return rules;
    }

    /** Whether a rule has a drop limit, which needs a baseline. */
    public boolean needsBaseline() {
        return rules.stream().flatMap(r -> r.limits().stream()).anyMatch(l -> l.kind() == Limit.Kind.MAXIMUM_DROP);
    }

    /**
     * Whether a rule has a drop limit with a significance, which needs the baseline's detections (the paired
     * comparison resamples both detection files on the same images), not only its report.
     */
    public boolean needsBaselineDetections() {
        return rules.stream().flatMap(r -> r.limits().stream()).anyMatch(l -> l.significance() != null);
    }

    /** The message when {@link #needsBaselineDetections()} and there are none. */
    public static final String NO_BASELINE_DETECTIONS = "a maximum drop limit with a significance needs the baseline's"
            + " detections (CLI --baseline-dt, plugin <baselineDetections>), not only its report: the paired"
            + " comparison resamples both detection files on the same images";

    /**
     * Checks every limit of every rule.
     *
     * @param current the evaluation to gate
     * @param baseline an earlier run's values, or null; required when {@link #needsBaseline()}
     * @throws InvalidRuleException when the rules do not fit the evaluation or the baseline (see the
     *     class comment)
     */
    public CheckResult check(MetricSnapshot current, MetricSnapshot baseline) {
        validate(current, baseline);
        if (needsBaselineDetections() && !current.compared()) {
            throw new InvalidRuleException(NO_BASELINE_DETECTIONS);
        }
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            LimitCheck check = new LimitCheck(i + 1, rule.onMissing());
            List<Outcome> found = new ArrayList<>();
            if (rule.element() == Element.DATASET) {
                checkDataset(rule, check, current, baseline, found);
            } else {
                checkCategories(rule, check, current, baseline, found);
            }
            for (Outcome o : found) {
                if (seen.add(o.element() + "\u0000" + o.name() + "\u0000" + o.limit())) {
                    outcomes.add(o);
                }
            }
        }
        return new CheckResult(outcomes);
    }

    /**
     * Checks the configuration against a snapshot and optional baseline without checking values.
     *
     * @throws InvalidRuleException as {@link #check(MetricSnapshot, MetricSnapshot)} does
     */
    public void validate(MetricSnapshot current, MetricSnapshot baseline) {
        validate(current.protocol(), baseline, current.compared());
        for (Rule rule : rules) {
            for (Limit limit : rule.limits()) {
                if (rule.element() == Element.DATASET && !current.reportsDatasetMetric(limit.metric())) {
                    String kind = current.iouType().equals("keypoints") ? "keypoints" : "boxes or masks";
                    throw new InvalidRuleException(limit.metric() + " is not reported by this COCO evaluation (" + kind
                            + "); its dataset metrics: " + String.join(", ", current.dataset().keySet()));
                }
                Set<String> perCategory = current.categoryMetrics();
                if (rule.element() == Element.CATEGORY && !perCategory.isEmpty()
                        && !perCategory.contains(limit.metric())) {
                    throw new InvalidRuleException(limit.metric() + " is not reported per category by this"
                            + " evaluation; its category metrics: " + String.join(", ", perCategory));
                }
            }
            for (String include : rule.includes()) {
                if (!Wildcard.isPattern(include)
                        && current.categories().stream().noneMatch(c -> c.name().equals(include))) {
                    throw new InvalidRuleException("no category is named '" + include + "'; the categories are: "
                            + CategoryNames.suggest(include, current.categories().stream()
                                    .map(CategoryValues::name).toList()));
                }
            }
        }
        if (baseline != null && !baseline.iouType().isEmpty() && !current.iouType().isEmpty()
                && !baseline.iouType().equals(current.iouType())) {
            throw new InvalidRuleException("the baseline is a " + baseline.iouType() + " evaluation but this"
                    + " evaluation is " + current.iouType() + "; their numbers are not comparable");
        }
        if (baseline != null && !baseline.mode().isEmpty() && !current.mode().isEmpty()
                && !baseline.mode().equals(current.mode())) {
            throw new InvalidRuleException("the baseline was evaluated in " + baseline.mode() + " mode but this"
                    + " evaluation is in " + current.mode() + " mode; their numbers are not comparable");
        }
    }

    /**
     * Checks what can be checked before evaluating: every metric is a name {@code protocol} can report for
     * its rule's element, a drop limit has a baseline, the baseline is of the same protocol.
     *
     * @param baseline the baseline, or null
     * @throws InvalidRuleException when one of these does not hold
     */
    public void validate(Protocol protocol, MetricSnapshot baseline) {
        validate(protocol, baseline, false);
    }

    /**
     * As {@link #validate(Protocol, MetricSnapshot)}, knowing whether the baseline's detections will be
     * evaluated too (then they are the baseline, and no report is needed).
     *
     * @param baselineDetections true when the baseline's detections are given
     * @throws InvalidRuleException also for a significance without baseline detections, on a category
     *     rule, or with a VOC protocol
     */
    public void validate(Protocol protocol, MetricSnapshot baseline, boolean baselineDetections) {
        for (Rule rule : rules) {
            for (Limit limit : rule.limits()) {
                if (limit.significance() != null && (rule.element() != Element.DATASET || protocol.voc())) {
                    throw new InvalidRuleException(limit + ": a significance is tested for COCO dataset metrics only"
                            + " (the paired comparison covers AP, AP50, AP75 and AR at the largest maxDets)");
                }
                if (protocol.canonical(rule.element(), limit.metric()) == null) {
                    throw new InvalidRuleException(limit.metric() + " is not a " + rule.element().word() + " metric of "
                            + protocol.id() + " evaluations; " + rule.element().word() + " metrics: "
                            + protocol.names(rule.element()));
                }
            }
        }
        if (needsBaselineDetections() && !baselineDetections) {
            throw new InvalidRuleException(NO_BASELINE_DETECTIONS);
        }
        if (baseline == null) {
            if (needsBaseline() && !baselineDetections) {
                throw new InvalidRuleException("a maximum drop limit needs a baseline report (the report.json of an"
                        + " earlier run); none was given");
            }
            return;
        }
        if (baseline.protocol() != protocol) {
            throw new InvalidRuleException("the baseline is a " + baseline.protocol().id() + " report but the"
                    + " evaluation is " + protocol.id() + "; compare runs of the same protocol");
        }
    }

    private static void checkDataset(Rule rule, LimitCheck check, MetricSnapshot current, MetricSnapshot baseline,
            List<Outcome> out) {
        for (Limit limit : rule.limits()) {
            String metric = limit.metric();
            double actual = current.datasetValue(metric);
            String reason = current.missingReason(metric);
            if (reason.isEmpty()) {
                reason = Double.isNaN(actual) ? CheckMessages.REASON_ABSENT : CheckMessages.REASON_MINUS_ONE;
            }
            double before = baseline == null ? Double.NaN : baseline.datasetValue(metric);
            out.add(check.outcome(Element.DATASET, "", limit, actual, reason, before,
                    CheckMessages.REASON_BASELINE_MISSING, current.band(metric), current.difference(metric)));
        }
    }

    private static void checkCategories(Rule rule, LimitCheck check, MetricSnapshot current,
            MetricSnapshot baseline, List<Outcome> out) {
        for (CategoryValues row : current.categories()) {
            if (!rule.selects(row.name())) {
                continue;
            }
            CategoryValues before = baseline == null ? null : find(baseline, row);
            for (Limit limit : rule.limits()) {
                String metric = limit.metric();
                String reason = current.categoryReason(metric);
                double baselineValue = before == null ? Double.NaN : before.value(metric);
                String baselineReason = before == null && baseline != null
                        ? String.format(Locale.ROOT, CheckMessages.REASON_BASELINE_NO_CATEGORY, row.label())
                        : CheckMessages.REASON_BASELINE_MISSING;
                out.add(check.outcome(Element.CATEGORY, row.label(), limit, row.value(metric), reason, baselineValue,
                        baselineReason, current.band(row.id(), metric), null));
            }
        }
        for (String pattern : rule.includes()) {
            if (current.categories().stream().noneMatch(c -> Wildcard.matches(pattern, c.name()))) {
                String reason = String.format(Locale.ROOT, CheckMessages.REASON_NO_CATEGORY_MATCHES, pattern);
                for (Limit limit : rule.limits()) {
                    out.add(check.outcome(Element.CATEGORY, pattern, limit, Double.NaN, reason, Double.NaN, reason));
                }
            }
        }
    }

    /** The baseline row for a category: same name, or same id when the name is empty. */
    private static CategoryValues find(MetricSnapshot baseline, CategoryValues row) {
        for (CategoryValues b : baseline.categories()) {
            if (row.name().isEmpty() ? b.name().isEmpty() && b.id() == row.id() : b.name().equals(row.name())) {
                return b;
            }
        }
        return null;
    }
}
