package dev.deteval.maven;

import dev.deteval.eval.check.Element;
import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.OnMissing;
import dev.deteval.eval.check.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <rule>} of the plugin configuration: an element ({@code DATASET} by default, or
 * {@code CATEGORY}), category name patterns for CATEGORY rules, limits, and {@code onMissing}. Maven sets
 * the fields; {@link #toRule()} turns them into an evaluator-core {@link Rule}.
 */
public class RuleConfiguration {

    private String element = Element.DATASET.name();
    private List<String> includes = new ArrayList<>();
    private List<String> excludes = new ArrayList<>();
    private List<LimitConfiguration> limits = new ArrayList<>();
    private String onMissing = OnMissing.FAIL.name();

    /** @param element DATASET or CATEGORY, any case */
    public void setElement(String element) {
        this.element = element;
    }

    /** @param includes category names to check, {@code *} and {@code ?} wildcards allowed */
    public void setIncludes(List<String> includes) {
        this.includes = includes;
    }

    /** @param excludes category names to leave out, {@code *} and {@code ?} wildcards allowed */
    public void setExcludes(List<String> excludes) {
        this.excludes = excludes;
    }

    /** @param limits the limits */
    public void setLimits(List<LimitConfiguration> limits) {
        this.limits = limits;
    }

    /** @param onMissing FAIL (default) or IGNORE, any case */
    public void setOnMissing(String onMissing) {
        this.onMissing = onMissing;
    }

    /**
     * The rule.
     *
     * @throws InvalidRuleException for any invalid setting
     */
    Rule toRule() {
        Rule.Builder rule = Rule.builder(Element.parse(element)).optOnMissing(OnMissing.parse(onMissing));
        if (includes != null) {
            rule.optIncludes(includes);
        }
        if (excludes != null) {
            rule.optExcludes(excludes);
        }
        if (limits != null) {
            for (LimitConfiguration limit : limits) {
                rule.addLimits(limit.toLimits());
            }
        }
        return rule.build();
    }

    /**
     * Converts every rule, naming the rule's position in an error.
     *
     * @throws InvalidRuleException when there are no rules or one is invalid
     */
    static List<Rule> toRules(List<RuleConfiguration> rules) {
        if (rules == null || rules.isEmpty()) {
            throw new InvalidRuleException("no <rules> are configured; a gate without rules would pass anything."
                    + " Add at least one <rule> with a <limit>");
        }
        List<Rule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            try {
                result.add(rules.get(i).toRule());
            } catch (InvalidRuleException e) {
                throw new InvalidRuleException("rule " + (i + 1) + ": " + e.getMessage());
            }
        }
        return result;
    }
}
