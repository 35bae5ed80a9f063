package dev.deteval.eval.nms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.geometry.BoxFormat;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class NmsConfigTest {

    @Test
    void build_defaults_areUnlimitedHardPerClassXyxy() {
        NmsConfig c = NmsConfig.builder(0.5).build();
        assertThat(c.iouThreshold()).isEqualTo(0.5);
        assertThat(c.scoreThreshold()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(c.topK()).isEqualTo(Integer.MAX_VALUE);
        assertThat(c.maxDetections()).isEqualTo(Integer.MAX_VALUE);
        assertThat(c.classAgnostic()).isFalse();
        assertThat(c.boxFormat()).isEqualTo(BoxFormat.XYXY);
        assertThat(c.suppression()).isEqualTo(Suppression.HARD);
        assertThat(c.sigma()).isEqualTo(0.5);
    }

    @Test
    void build_everyOption_isKept() {
        NmsConfig c = NmsConfig.builder(0.7).optScoreThreshold(0.05).optTopK(1000).optMaxDetections(100)
                .optClassAgnostic(true).optBoxFormat(BoxFormat.CXCYWH).optSuppression(Suppression.GAUSSIAN)
                .optSigma(0.3).build();
        assertThat(c.toString()).isEqualTo("NmsConfig[iouThreshold=0.7, scoreThreshold=0.05, topK=1000,"
                + " maxDetections=100, classAgnostic=true, boxFormat=CXCYWH, suppression=GAUSSIAN, sigma=0.3]");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of((Supplier<NmsConfig.Builder>) () -> NmsConfig.builder(-0.1), "IoU threshold"),
                Arguments.of((Supplier<NmsConfig.Builder>) () -> NmsConfig.builder(1.5), "IoU threshold"),
                Arguments.of((Supplier<NmsConfig.Builder>) () -> NmsConfig.builder(Double.NaN), "IoU threshold"),
                Arguments.of((Supplier<NmsConfig.Builder>) () -> NmsConfig.builder(0.5)
                        .optScoreThreshold(Double.NaN), "score threshold"),
                Arguments.of((Supplier<NmsConfig.Builder>) () -> NmsConfig.builder(0.5).optTopK(0), "top-k"),
                Arguments.of((Supplier<NmsConfig.Builder>) () -> NmsConfig.builder(0.5).optMaxDetections(0),
                        "max detections"),
                Arguments.of((Supplier<NmsConfig.Builder>) () -> NmsConfig.builder(0.5).optSigma(0), "sigma"),
                Arguments.of((Supplier<NmsConfig.Builder>) () -> NmsConfig.builder(0.5)
                        .optSigma(Double.POSITIVE_INFINITY), "sigma"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void build_outOfRange_throwsNamingTheSetting(Supplier<NmsConfig.Builder> builder, String setting) {
        assertThatThrownBy(() -> builder.get().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(setting);
    }

    @Test
    void optBoxFormat_null_throws() {
        assertThatThrownBy(() -> NmsConfig.builder(0.5).optBoxFormat(null)).isInstanceOf(NullPointerException.class);
    }
}
