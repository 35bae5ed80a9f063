package dev.deteval.eval.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class VocParamsTest {

    @Test
    void defaults_areVocEvalPy() {
        assertThat(VocParams.defaults())
                .isEqualTo(new VocParams(BoxConvention.PIXEL_PLUS_ONE, MatchRule.GREATER, 0.5));
    }

    @Test
    void withMethods_changeOneSetting() {
        VocParams p = VocParams.defaults().withBoxConvention(BoxConvention.CONTINUOUS)
                .withMatchRule(MatchRule.GREATER_OR_EQUAL).withOverlapThreshold(0.7);

        assertThat(p).isEqualTo(new VocParams(BoxConvention.CONTINUOUS, MatchRule.GREATER_OR_EQUAL, 0.7));
    }

    @Test
    void constructor_thresholdOutsideUnitInterval_rejected() {
        assertThatThrownBy(() -> VocParams.defaults().withOverlapThreshold(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1], got 1.5");
        assertThatThrownBy(() -> VocParams.defaults().withOverlapThreshold(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchRule_atThreshold_onlyGreaterOrEqualPasses() {
        assertThat(MatchRule.GREATER.passes(0.5, 0.5)).isFalse();
        assertThat(MatchRule.GREATER_OR_EQUAL.passes(0.5, 0.5)).isTrue();
        assertThat(MatchRule.GREATER_OR_EQUAL.passes(Double.NaN, 0.5)).isFalse();
    }
}
