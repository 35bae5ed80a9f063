package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * OKS by hand. Sigmas 0.5 and 0.25 give vars (2 * 0.5)² = 1 and (2 * 0.25)² = 0.25; eps is 2^-52
 * (numpy's {@code np.spacing(1)}), written {@code 0x1p-52}.
 */
final class OksTest {

    private static final double EPS = 0x1p-52;
    private final Oks oks = new Oks(new double[] {0.5, 0.25});

    @Test
    void of_oneLabelledKeypoint_meanOverLabelledOnly() {
        double[] gt = {10, 10, 2, 20, 20, 0};
        double[] dt = {13, 14, 1, 90, 90, 1};

        double v = oks.of(dt, 0, gt, 0, 0, 0, 30, 30, 100);

        // keypoint 0: dx = 3, dy = 4, so d² = 25; keypoint 1 is unlabelled and left out
        assertThat(v).isEqualTo(Math.exp(-(25.0 / 1 / (100 + EPS) / 2)));
    }

    @Test
    void of_visibilityOne_countsAsLabelled() {
        double[] gt = {10, 10, 1, 20, 20, 1};
        double[] dt = {10, 12, 0, 21, 20, 0};

        double v = oks.of(dt, 0, gt, 0, 0, 0, 30, 30, 50);

        // d² = 2² = 4 over vars 1, and 1² = 1 over vars 0.25; the detection's v = 0 is not used
        double e0 = 4.0 / 1 / (50 + EPS) / 2;
        double e1 = 1.0 / 0.25 / (50 + EPS) / 2;
        assertThat(v).isEqualTo((Math.exp(-e0) + Math.exp(-e1)) / 2);
    }

    @Test
    void of_noLabelledKeypointAndDetectionInsideEnlargedBox_isOne() {
        double[] gt = {0, 0, 0, 0, 0, 0};
        double[] dt = {1, 1, 2, 29, 29, 2};

        // box [10, 10, 10, 10] enlarged by its size on each side: x and y in [10 - 10, 10 + 2 * 10] = [0, 30]
        double v = oks.of(dt, 0, gt, 0, 10, 10, 10, 10, 100);

        assertThat(v).isEqualTo(1.0);
    }

    @Test
    void of_noLabelledKeypointAndDetectionOutside_distanceToEnlargedBox() {
        double[] gt = {0, 0, 0, 0, 0, 0};
        double[] dt = {35, 5, 2, 5, -2, 2};

        double v = oks.of(dt, 0, gt, 0, 10, 10, 10, 10, 100);

        // keypoint 0: 35 - 30 = 5 right of the box; keypoint 1: 0 - (-2) = 2 above it
        double e0 = (5.0 * 5) / 1 / (100 + EPS) / 2;
        double e1 = (2.0 * 2) / 0.25 / (100 + EPS) / 2;
        assertThat(v).isEqualTo((Math.exp(-e0) + Math.exp(-e1)) / 2);
    }

    @Test
    void of_offsetsIntoFlatColumns_readTheRightTriples() {
        double[] gt = {99, 99, 99, 10, 10, 2, 20, 20, 2};
        double[] dt = {7, 7, 7, 7, 7, 7, 10, 10, 2, 20, 20, 2};

        double v = oks.of(dt, 6, gt, 3, 0, 0, 30, 30, 100);

        assertThat(v).isEqualTo(1.0);
    }
}
