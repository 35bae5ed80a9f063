package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CocoSummaryTest {

    private static final List<CocoMetric> DEFAULTS = CocoMetric.headline(CocoParams.defaults());

    private static CocoSummary box(double ap) {
        return new CocoSummary(DEFAULTS, new double[] {ap, 0.6, 0.4, -1, 0.3, 0.2, 0.1, 0.2, 0.3, -1, 0.25, 0.35, 0.7,
            0.45}, IouType.BBOX);
    }

    @Test
    void toString_boxSummary_namesEveryStatWithItsMaxDets() {
        String text = box(0.5).toString();

        assertThat(text).startsWith("CocoSummary[bbox: AP=0.5 (maxDets 100), AP50=0.6 (maxDets 100)")
                .contains("AR1=0.1 (maxDets 1)", "AR10=0.2 (maxDets 10)", "APs=-1.0 (maxDets 100)",
                        "AR50=0.7 (maxDets 100), AR75=0.45 (maxDets 100)")
                .doesNotContain("[I@");
    }

    @Test
    void equals_sameValuesInNewArrays_isEqualWithSameHash() {
        assertThat(box(0.5)).isEqualTo(box(0.5)).hasSameHashCodeAs(box(0.5));
        assertThat(box(0.5)).isNotEqualTo(box(0.51));
    }

    @Test
    void values_maxDets300_namesRecallAR300() {
        CocoParams p = CocoParams.builder(CocoMode.COMPAT).optMaxDets(1, 10, 300).build();

        List<String> names = CocoMetric.named(CocoMetric.headline(p)).stream().map(CocoMetric::name).toList();

        assertThat(names).containsExactly("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR300", "ARs",
                "ARm", "ARl", "AR50", "AR75");
        assertThat(CocoMetric.perCategory(p).get(6).name()).isEqualTo("AR300");
    }

    @Test
    void perCategory_maxDetsUpTo300_namesRecallForTheLargest() {
        CocoParams p = CocoParams.builder(CocoMode.COMPAT).optMaxDets(1, 10, 100, 300).build();

        assertThat(CocoMetric.headline(p).get(8).name()).isEqualTo("AR100");
        assertThat(CocoMetric.perCategory(p)).last().extracting(CocoMetric::name, CocoMetric::maxDets)
                .containsExactly("AR300", 300);
    }

    @Test
    void perCategory_keypoints_hasNoSmallAreaAndRecallAt20() {
        CocoParams p = CocoParams.builder(CocoMode.COMPAT).optIouType(IouType.KEYPOINTS).build();

        assertThat(CocoMetric.perCategory(p)).extracting(CocoMetric::name)
                .containsExactly("AP", "AP50", "AP75", "APm", "APl", "AR20");
        assertThat(CocoMetric.headline(p)).extracting(CocoMetric::name)
                .containsExactly("AP", "AP50", "AP75", "APm", "APl", "AR", "AR50", "AR75", "ARm", "ARl");
    }

    @Test
    void canonical_recallNames_followMaxDets() {
        assertThat(CocoMetric.canonical("ar300")).isEqualTo("AR300");
        assertThat(CocoMetric.canonical("AR50")).isEqualTo("AR50");
        assertThat(CocoMetric.canonical("ar50dets")).isEqualTo("AR50dets");
        assertThat(CocoMetric.canonical("AR0")).isNull();
        assertThat(CocoMetric.canonical("mAP")).isNull();
    }
}
