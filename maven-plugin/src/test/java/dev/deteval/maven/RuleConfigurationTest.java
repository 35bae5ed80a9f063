package dev.deteval.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.check.Element;
import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.Limit;
import dev.deteval.eval.check.OnMissing;
import dev.deteval.eval.check.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RuleConfigurationTest {

    static LimitConfiguration limit(String metric, String minimum, String maximum, String maximumDrop) {
        LimitConfiguration l = new LimitConfiguration();
        l.setMetric(metric);
        l.setMinimum(minimum);
        l.setMaximum(maximum);
        l.setMaximumDrop(maximumDrop);
        return l;
    }

    @Test
    void toRules_defaults_datasetRuleFailingOnMissing() {
        RuleConfiguration rule = new RuleConfiguration();
        rule.setLimits(List.of(limit("AP", "0.35", null, null)));
        Rule converted = RuleConfiguration.toRules(List.of(rule)).get(0);
        assertThat(converted.element()).isEqualTo(Element.DATASET);
        assertThat(converted.onMissing()).isEqualTo(OnMissing.FAIL);
        assertThat(converted.limits()).containsExactly(Limit.minimum("AP", "0.35"));
    }

    @Test
    void toRules_limitWithSeveralBounds_givesOneLimitPerBound() {
        RuleConfiguration rule = new RuleConfiguration();
        rule.setElement("category");
        rule.setIncludes(List.of("person", "car*"));
        rule.setExcludes(List.of("carrot"));
        rule.setOnMissing("ignore");
        rule.setLimits(List.of(limit("ap50", "55%", "0.9", "0.01")));
        Rule converted = RuleConfiguration.toRules(List.of(rule)).get(0);
        assertThat(converted.element()).isEqualTo(Element.CATEGORY);
        assertThat(converted.includes()).containsExactly("person", "car*");
        assertThat(converted.excludes()).containsExactly("carrot");
        assertThat(converted.onMissing()).isEqualTo(OnMissing.IGNORE);
        assertThat(converted.limits()).extracting(Limit::toString)
                .containsExactly("AP50>=0.55", "AP50<=0.9", "AP50:maxDrop=0.01");
    }

    @Test
    void toRules_none_isConfigurationError() {
        assertThatThrownBy(() -> RuleConfiguration.toRules(null))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("no <rules> are configured");
        assertThatThrownBy(() -> RuleConfiguration.toRules(List.of()))
                .isInstanceOf(InvalidRuleException.class);
    }

    @Test
    void toRules_limitWithoutBound_namesRuleAndMetric() {
        RuleConfiguration ok = new RuleConfiguration();
        ok.setLimits(List.of(limit("AP", "0.1", null, null)));
        RuleConfiguration bad = new RuleConfiguration();
        bad.setLimits(List.of(limit("AP75", null, null, null)));
        assertThatThrownBy(() -> RuleConfiguration.toRules(List.of(ok, bad)))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("rule 2: the limit on AP75 sets none of <minimum>, <maximum>, <maximumDrop>");
    }

    @Test
    void toRules_badValuesAndNames_areConfigurationErrors() {
        RuleConfiguration rule = new RuleConfiguration();
        rule.setLimits(List.of(limit("AP", "1.5", null, null)));
        assertThatThrownBy(() -> RuleConfiguration.toRules(List.of(rule)))
                .hasMessageStartingWith("rule 1: AP minimum '1.5' is outside [0, 1]");
        rule.setLimits(List.of(limit("AP", "0.5", null, null)));
        rule.setElement("AREA");
        assertThatThrownBy(() -> RuleConfiguration.toRules(List.of(rule)))
                .hasMessageContaining("unknown rule element 'AREA'");
        rule.setElement("DATASET");
        rule.setIncludes(List.of("person"));
        assertThatThrownBy(() -> RuleConfiguration.toRules(List.of(rule)))
                .hasMessageContaining("CATEGORY rules only");
    }
}
