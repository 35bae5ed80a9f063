package dev.deteval.eval.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class RuleTest {

    @Test
    void build_categoryWithoutIncludes_includesEverything() {
        Rule rule = Rule.builder(Element.CATEGORY).addLimit(Limit.minimum("AP", "0.1")).build();
        assertThat(rule.includes()).containsExactly("*");
        assertThat(rule.selects("anything")).isTrue();
    }

    @Test
    void selects_excludeWins() {
        Rule rule = Rule.builder(Element.CATEGORY).optIncludes(List.of("car*", "person"))
                .optExclude("carrot").addLimit(Limit.minimum("AP", "0.1")).build();
        assertThat(rule.selects("car")).isTrue();
        assertThat(rule.selects("person")).isTrue();
        assertThat(rule.selects("carrot")).isFalse();
        assertThat(rule.selects("dog")).isFalse();
    }

    @Test
    void build_withoutLimits_isConfigurationError() {
        assertThatThrownBy(() -> Rule.builder(Element.DATASET).build())
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("has no limits");
    }

    @Test
    void build_datasetWithIncludes_isConfigurationError() {
        assertThatThrownBy(() -> Rule.builder(Element.DATASET).optInclude("person")
                .addLimit(Limit.minimum("AP", "0.1")).build())
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("CATEGORY rules only");
    }

    @Test
    void optInclude_empty_isConfigurationError() {
        assertThatThrownBy(() -> Rule.builder(Element.CATEGORY).optInclude(""))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("include pattern is empty");
    }

    @Test
    void parse_elementAndOnMissing_anyCase() {
        assertThat(Element.parse("category")).isEqualTo(Element.CATEGORY);
        assertThat(OnMissing.parse(" Ignore ")).isEqualTo(OnMissing.IGNORE);
        assertThatThrownBy(() -> Element.parse("AREA")).hasMessageContaining("expected DATASET or CATEGORY");
        assertThatThrownBy(() -> OnMissing.parse("skip")).hasMessageContaining("expected FAIL or IGNORE");
    }
}
