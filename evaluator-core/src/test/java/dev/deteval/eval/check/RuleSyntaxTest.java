package dev.deteval.eval.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class RuleSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AP>=0.35                        | DATASET  |         | AP>=0.35",
        "AP50>=55%                       | DATASET  |         | AP50>=0.55",
        "APs<=0.9                        | DATASET  |         | APs<=0.9",
        "AP:maxDrop=0.01                 | DATASET  |         | AP:maxDrop=0.01",
        "dataset:mAP >= 0.5              | DATASET  |         | mAP>=0.5",
        "category:person:AP50>=0.6       | CATEGORY | person  | AP50>=0.6",
        "category:car*:AP>=0.4           | CATEGORY | car*    | AP>=0.4",
        "category:person:AP:maxDrop=0.02 | CATEGORY | person  | AP:maxDrop=0.02",
        "CATEGORY:traffic light:ap<=0.9  | CATEGORY | traffic light | AP<=0.9",
        "category:a:b:AR100>=0.1         | CATEGORY | a:b     | AR100>=0.1",
        "ap:MAXDROP=1%                   | DATASET  |         | AP:maxDrop=0.01"})
    void parse_acceptedForm_givesOneLimitRule(String text, Element element, String pattern, String limit) {
        Rule rule = RuleSyntax.parse(text);
        assertThat(rule.element()).isEqualTo(element);
        if (pattern != null) {
            assertThat(rule.includes()).containsExactly(pattern);
        }
        assertThat(rule.limits()).singleElement().hasToString(limit);
        assertThat(rule.onMissing()).isEqualTo(OnMissing.FAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AP>0.35", "AP=0.35", "AP>=", ">=0.35", "person:AP>=0.3", "category:AP>=0.3",
        "category::AP>=0.3", "AP>=abc", "AP>=35", "foo>=0.1", ""})
    void parse_badSyntax_showsAcceptedForms(String text) {
        assertThatThrownBy(() -> RuleSyntax.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read rule '" + text + "': ")
                .hasMessageEndingWith("Accepted forms: " + RuleSyntax.FORMS);
    }

    @Test
    void parse_withOnMissing_setsIt() {
        assertThat(RuleSyntax.parse("category:bus:AP>=0.1", OnMissing.IGNORE).onMissing())
                .isEqualTo(OnMissing.IGNORE);
    }
}
