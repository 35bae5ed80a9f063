package dev.deteval.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetectionsTest {

    private static Detections.Builder part(int expected, int first, int count) {
        Detections.Builder b = Detections.builder(expected);
        for (int i = first; i < first + count; i++) {
            b.add(i, 10 + i % 3, i, 2 * i, 3 + i, 4 + i, 1.0 / (i + 1));
        }
        return b;
    }

    @Test
    void concatBuilders_sizedAboveAndBelowTheirContent_equalsConcatOfBuiltParts() {
        Detections.Builder[] builders = {part(100, 0, 5), part(0, 5, 40), part(7, 45, 7)};
        Detections expected = Detections.concat(part(0, 0, 5).build(), part(0, 5, 40).build(), part(0, 45, 7).build());

        Detections joined = Detections.concat(builders);

        assertThat(joined.size()).isEqualTo(52);
        assertThat(joined.imageIdColumn()).isEqualTo(expected.imageIdColumn());
        assertThat(joined.categoryIdColumn()).isEqualTo(expected.categoryIdColumn());
        assertThat(joined.boxColumn()).isEqualTo(expected.boxColumn());
        assertThat(joined.scoreColumn()).isEqualTo(expected.scoreColumn());
        assertThat(joined.areaColumn()).isEqualTo(expected.areaColumn());
    }

    @Test
    void concatBuilders_oneWithAreaOverride_keepsTheOverride() {
        Detections.Builder a = part(4, 0, 2);
        Detections.Builder b = part(4, 2, 2).area(99.5);

        Detections joined = Detections.concat(a, b);

        assertThat(joined.areaColumn()).containsExactly(3 * 4, 4 * 5, 5 * 6, 99.5);
    }

    @Test
    void builder_negativeExpectedSize_isRejected() {
        assertThatThrownBy(() -> Detections.builder(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
