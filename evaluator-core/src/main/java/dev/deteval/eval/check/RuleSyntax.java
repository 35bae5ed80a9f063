package dev.deteval.eval.check;

import dev.deteval.eval.data.Names;
import java.util.Locale;

/**
 * The one-line rule syntax of the command line. Each string is one rule with one limit:
 *
 * <pre>
 * AP&gt;=0.35                         dataset AP at least 0.35
 * AP50&gt;=55%                        dataset AP50 at least 0.55
 * APs&lt;=0.9                         dataset APs at most 0.9
 * AP:maxDrop=0.01                  dataset AP at most 0.01 below the baseline's
 * category:person:AP50&gt;=0.6        AP50 of category person at least 0.6
 * category:car*:AP&gt;=0.4            AP of every category whose name starts with "car"
 * category:person:AP:maxDrop=0.02  AP of person at most 0.02 below the baseline's
 * category:*:AP&gt;=0.3;exclude=car*;exclude=bus;onMissing=ignore
 *                                  every category but car* and bus; values that cannot be computed are ignored
 * AP:maxDrop=0.01;significance=0.05
 *                                  a drop of more than 0.01 fails only if the paired comparison with the
 *                                  baseline's detections gives p &lt; 0.05
 * </pre>
 *
 * <p>Options follow the value, each after a {@code ;}: {@code exclude=PATTERN} (category rules,
 * repeatable), {@code onMissing=fail|ignore} (the plugin's {@code <excludes>} and
 * {@code <onMissing>}) and {@code significance=ALPHA} (drop limits; the plugin's {@code <significance>}).
 * Since they start at the first {@code ;} after the operator, an exclude pattern
 * cannot contain {@code >=}, {@code <=}, {@code :maxDrop=} or {@code ;}.
 *
 * <p>Metric names and the words {@code category}, {@code dataset} and {@code maxDrop} are
 * case-insensitive; category patterns are case-sensitive and may contain {@code *}, {@code ?} and
 * colons (the metric is the text after the last colon). An optional {@code dataset:} prefix is
 * accepted.
 */
public final class RuleSyntax {

    /** The accepted forms, for error messages and help texts. */
    public static final String FORMS = "AP>=0.35, AP50>=55%, APs<=0.9, AP:maxDrop=0.01, category:person:AP50>=0.6,"
            + " category:car*:AP>=0.4, category:person:AP:maxDrop=0.02, category:*:AP>=0.3;exclude=car*;onMissing=ignore,"
            + " AP:maxDrop=0.01;significance=0.05";

    private static final String CATEGORY = "category:";
    private static final String DATASET = "dataset:";
    private static final String MAX_DROP = ":maxdrop=";

    private RuleSyntax() {
    }

    /**
     * Parses one rule string; a metric that cannot be computed fails the rule.
     *
     * @throws InvalidRuleException (an {@link IllegalArgumentException}) naming the accepted forms
     */
    public static Rule parse(String text) {
        return parse(text, OnMissing.FAIL);
    }

    /**
     * Parses one rule string.
     *
     * @param onMissing what the rule does with a metric that cannot be computed
     * @throws InvalidRuleException (an {@link IllegalArgumentException}) naming the accepted forms
     */
    public static Rule parse(String text, OnMissing onMissing) {
        String t = text == null ? "" : text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        Element element = Element.DATASET;
        String body = t;
        if (lower.startsWith(CATEGORY)) {
            element = Element.CATEGORY;
            body = t.substring(CATEGORY.length());
        } else if (lower.startsWith(DATASET)) {
            body = t.substring(DATASET.length());
        }
        int cut;
        Limit.Kind kind;
        int dropAt = body.toLowerCase(Locale.ROOT).lastIndexOf(MAX_DROP);
        if (dropAt >= 0) {
            kind = Limit.Kind.MAXIMUM_DROP;
            cut = dropAt;
        } else {
            int ge = body.lastIndexOf(">=");
            int le = body.lastIndexOf("<=");
            cut = Math.max(ge, le);
            if (cut < 0) {
                throw error(text, "no >=, <= or :maxDrop=");
            }
            kind = ge > le ? Limit.Kind.MINIMUM : Limit.Kind.MAXIMUM;
        }
        int valueAt = cut + (kind == Limit.Kind.MAXIMUM_DROP ? MAX_DROP.length() : 2);
        String tail = body.substring(valueAt);
        int semicolon = tail.indexOf(';');
        String value = (semicolon < 0 ? tail : tail.substring(0, semicolon)).trim();
        Rule.Builder rule = Rule.builder(element).optOnMissing(onMissing);
        String[] significance = {null};
        if (semicolon >= 0) {
            options(text, element, tail.substring(semicolon + 1), rule, significance);
        }
        return build(text, element, body.substring(0, cut), kind, value, significance[0], rule);
    }

    /**
     * Reads {@code exclude=PATTERN}, {@code onMissing=fail|ignore} and {@code significance=ALPHA} options,
     * separated by {@code ;}; the significance goes to {@code significance[0]}.
     */
    private static void options(String text, Element element, String options, Rule.Builder rule,
            String[] significance) {
        for (String option : options.split(";", -1)) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option.trim() : option.substring(0, eq).trim();
            String value = eq < 0 ? "" : option.substring(eq + 1).trim();
            if (key.equalsIgnoreCase("exclude") && element == Element.CATEGORY && !value.isEmpty()) {
                rule.optExclude(value);
            } else if (key.equalsIgnoreCase("onMissing") && !value.isEmpty()) {
                try {
                    rule.optOnMissing(OnMissing.parse(value));
                } catch (InvalidRuleException e) {
                    throw error(text, e.getMessage());
                }
            } else if (key.equalsIgnoreCase("significance") && !value.isEmpty()) {
                significance[0] = value;
            } else {
                throw error(text, "unknown option '" + option.trim() + "' (options after the value: ;exclude=PATTERN"
                        + " for category rules, ;onMissing=fail|ignore, ;significance=ALPHA for maxDrop)");
            }
        }
    }

    private static Rule build(String text, Element element, String head, Limit.Kind kind, String value,
            String significance, Rule.Builder rule) {
        int colon = head.lastIndexOf(':');
        String metric = head.substring(colon + 1).trim();
        if (metric.isEmpty()) {
            throw error(text, "no metric before the " + kind.word());
        }
        if (value.isEmpty()) {
            throw error(text, "no value after " + metric + kind.operator());
        }
        if (element == Element.CATEGORY) {
            String pattern = colon < 0 ? "" : head.substring(0, colon).trim();
            if (pattern.isEmpty()) {
                throw error(text, "no category name or pattern between 'category:' and the metric");
            }
            rule.optInclude(pattern);
        } else if (colon >= 0) {
            throw error(text, "unexpected '" + head.substring(0, colon + 1) + "' before the metric (a category rule"
                    + " starts with 'category:')");
        }
        try {
            Limit limit = Limit.of(metric, kind, value);
            return rule.addLimit(significance == null ? limit : limit.withSignificance(significance)).build();
        } catch (InvalidRuleException e) {
            throw error(text, e.getMessage());
        }
    }

    private static InvalidRuleException error(String text, String problem) {
        return new InvalidRuleException("cannot read rule '" + Names.cell(text) + "': " + problem + ". Accepted forms: "
                + FORMS);
    }
}
