package dev.deteval.eval.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class LimitTest {

    @ParameterizedTest
    @CsvSource({"0.35, 0.35", "35%, 0.35", "55.5%, 0.555", "0.450, 0.450", "100%, 1.00", "0, 0", "1, 1",
        "' 0.5 ', 0.5", "5 %, 0.05"})
    void parseRatio_decimalOrPercent_keepsWrittenScale(String text, String expected) {
        assertThat(Limit.parseRatio(text, "AP minimum")).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "101%", "-1%"})
    void parseRatio_outsideUnitInterval_isConfigurationError(String text) {
        assertThatThrownBy(() -> Limit.parseRatio(text, "AP minimum"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("AP minimum '" + text + "' is outside [0, 1]");
    }

    @Test
    void parseRatio_wholePercentWithoutSign_suggestsPercent() {
        assertThatThrownBy(() -> Limit.parseRatio("35", "AP minimum"))
                .hasMessageContaining("did you mean 35%?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0.3.5", "%"})
    void parseRatio_notANumber_saysWhatToWrite(String text) {
        assertThatThrownBy(() -> Limit.parseRatio(text, "AP minimum"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("is not a number; write a ratio such as 0.35 or a percentage such as 35%");
    }

    @Test
    void of_anyCaseMetric_usesCanonicalName() {
        assertThat(Limit.minimum("ap50", "0.5").metric()).isEqualTo("AP50");
        assertThat(Limit.minimum("MAP", "0.5").metric()).isEqualTo("mAP");
        assertThat(Limit.maximum("aps", "0.5").metric()).isEqualTo("APs");
    }

    @Test
    void of_installedCustomMetricAnyCase_usesItsName() {
        assertThat(Limit.minimum("aptime", "0.3").metric()).isEqualTo("APtime");
        assertThat(Limit.maximumDrop("APSIZEW", "0.01").metric()).isEqualTo("APsizeW");
        // registered through META-INF/services in the test resources
        assertThat(Limit.minimum("apcopy", "0.3").metric()).isEqualTo("APcopy");
        assertThat(Protocol.COCO.canonical(Element.DATASET, "aptime")).isEqualTo("APtime");
        assertThat(Protocol.COCO.canonical(Element.CATEGORY, "aptime")).isNull();
        assertThat(Protocol.LVIS.canonical(Element.DATASET, "aptime")).isNull();
    }

    @Test
    void of_unknownMetric_listsKnownMetrics() {
        assertThatThrownBy(() -> Limit.minimum("precision", "0.5"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("unknown metric 'precision'")
                .hasMessageContaining("AP, AP50, AP75");
    }

    @Test
    void format_minimum_roundsActualDown() {
        Limit limit = Limit.minimum("AP", "0.450");
        BigDecimal actual = Limit.decimal(0.4499999);
        assertThat(limit.holds(actual)).isFalse();
        assertThat(limit.format(actual)).isEqualTo("0.449");
    }

    @Test
    void format_maximum_roundsActualUp() {
        Limit limit = Limit.maximum("AP", "0.900");
        BigDecimal actual = Limit.decimal(0.9000001);
        assertThat(limit.holds(actual)).isFalse();
        assertThat(limit.format(actual)).isEqualTo("0.901");
    }

    @Test
    void format_passingValues_neverPrintAsFailing() {
        assertThat(Limit.minimum("AP", "0.45").format(Limit.decimal(0.4599999))).isEqualTo("0.459");
        assertThat(Limit.maximum("AP", "0.45").format(Limit.decimal(0.4400001))).isEqualTo("0.441");
    }

    @Test
    void format_percentLimit_printsRatioWithAtLeastThreeDecimals() {
        assertThat(Limit.minimum("AP50", "55%").format(Limit.decimal(0.5549))).isEqualTo("0.554");
    }

    /** Issue 13 item 2: a one-decimal limit printed 0.395 as 0.3, which read as a ten-point regression. */
    @Test
    void format_oneDecimalLimit_showsThreeDecimalsRoundedAgainstTheUser() {
        assertThat(Limit.minimum("AP", "0.4").format(Limit.decimal(0.395))).isEqualTo("0.395");
        assertThat(Limit.minimum("AP", "0.4").format(Limit.decimal(0.39999))).isEqualTo("0.399");
        assertThat(Limit.maximum("AP", "0.4").format(Limit.decimal(0.40001))).isEqualTo("0.401");
        assertThat(Limit.minimum("AP", "0.45678").format(Limit.decimal(0.456789))).isEqualTo("0.45678");
    }

    @Test
    void of_recallAtAnyMaxDets_isCanonical() {
        assertThat(Limit.minimum("ar300", "0.5").metric()).isEqualTo("AR300");
        assertThat(Limit.minimum("AR", "0.5").metric()).isEqualTo("AR");
    }

    @Test
    void holds_doubleNearestToLimit_meetsMinimum() {
        double ap = 7 / 20.0;
        assertThat(Limit.minimum("AP", "0.35").holds(Limit.decimal(ap))).isTrue();
        assertThat(Limit.maximum("AP", "0.35").holds(Limit.decimal(ap))).isTrue();
    }

    @Test
    void toString_isRuleSyntax() {
        assertThat(Limit.minimum("AP", "0.450")).hasToString("AP>=0.450");
        assertThat(Limit.maximum("APs", "90%")).hasToString("APs<=0.90");
        assertThat(Limit.maximumDrop("AP", "0.01")).hasToString("AP:maxDrop=0.01");
    }

    @Test
    void equals_sameMetricKindAndValue_isEqual() {
        assertThat(Limit.minimum("ap", "0.35")).isEqualTo(Limit.minimum("AP", "35%"))
                .hasSameHashCodeAs(Limit.minimum("AP", "0.35"))
                .isNotEqualTo(Limit.maximum("AP", "0.35"))
                .isNotEqualTo(Limit.minimum("AP", "0.350"));
    }
}
