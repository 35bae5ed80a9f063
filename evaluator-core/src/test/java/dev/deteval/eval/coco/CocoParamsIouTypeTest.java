package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** iouType defaults, as pycocotools' {@code Params.setKpParams} and {@code setDetParams}. */
final class CocoParamsIouTypeTest {

    @Test
    void build_keypoints_maxDets20AndThreeAreaRanges() {
        CocoParams p = CocoParams.builder(CocoMode.COMPAT).optIouType(IouType.KEYPOINTS).build();

        assertThat(p.maxDets()).containsExactly(20);
        assertThat(p.areaRng()).isDeepEqualTo(new double[][] {{0, 1e10}, {32 * 32, 96 * 96}, {96 * 96, 1e10}});
        assertThat(p.areaRngLbl()).containsExactly("all", "medium", "large");
    }

    @Test
    void build_keypoints_cocoSigmasDividedByTen() {
        double[] s = CocoParams.builder(CocoMode.COMPAT).optIouType(IouType.KEYPOINTS).build().kptOksSigmas();

        assertThat(s).hasSize(17);
        assertThat(s[0]).isEqualTo(.26 / 10.0);
        assertThat(s[11]).isEqualTo(1.07 / 10.0);
        assertThat(s[16]).isEqualTo(.89 / 10.0);
    }

    @Test
    void build_segm_keepsBoxDefaults() {
        CocoParams p = CocoParams.builder(CocoMode.COMPAT).optIouType(IouType.SEGM).build();

        assertThat(p.maxDets()).containsExactly(1, 10, 100);
        assertThat(p.areaRngLbl()).containsExactly("all", "small", "medium", "large");
    }

    @Test
    void build_keypointsWithExplicitMaxDets_keepsThem() {
        CocoParams p = CocoParams.builder(CocoMode.COMPAT).optMaxDets(5, 50).optIouType(IouType.KEYPOINTS).build();

        assertThat(p.maxDets()).containsExactly(5, 50);
    }

    @Test
    void build_nonPositiveSigma_rejected() {
        CocoParams.Builder b = CocoParams.builder(CocoMode.COMPAT).optKptOksSigmas(0.1, 0);

        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kpt_oks_sigmas values must be positive, got 0.0");
    }

    @Test
    void of_pycocotoolsNames_mapToTypes() {
        assertThat(IouType.of("bbox")).isEqualTo(IouType.BBOX);
        assertThat(IouType.of("segm")).isEqualTo(IouType.SEGM);
        assertThat(IouType.of("keypoints")).isEqualTo(IouType.KEYPOINTS);
        assertThatThrownBy(() -> IouType.of("mask")).isInstanceOf(IllegalArgumentException.class);
    }
}
