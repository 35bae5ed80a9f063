package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class CocoSummaryTest {

    private static CocoSummary box(double ap) {
        return new CocoSummary(ap, 0.6, 0.4, -1, 0.3, 0.2, 0.1, 0.2, 0.3, -1, 0.25, 0.35, 0.7, 0.45,
                new int[] {100, 100, 100, 100, 100, 100, 1, 10, 100, 100, 100, 100}, IouType.BBOX);
    }

    @Test
    void toString_boxSummary_namesEveryStatWithItsMaxDets() {
        String text = box(0.5).toString();

        assertThat(text).startsWith("CocoSummary[bbox: AP=0.5 (maxDets 100), AP50=0.6 (maxDets 100)")
                .contains("AR1=0.1 (maxDets 1)", "AR10=0.2 (maxDets 10)", "APs=-1.0 (maxDets 100)",
                        "AR50=0.7, AR75=0.45")
                .doesNotContain("[I@");
    }

    @Test
    void equals_sameValuesInNewArrays_isEqualWithSameHash() {
        assertThat(box(0.5)).isEqualTo(box(0.5)).hasSameHashCodeAs(box(0.5));
        assertThat(box(0.5)).isNotEqualTo(box(0.51));
    }
}
