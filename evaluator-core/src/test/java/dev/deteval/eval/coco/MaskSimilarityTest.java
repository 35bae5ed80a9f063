package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.mask.Rle;
import org.junit.jupiter.api.Test;

/**
 * The metrics.md example: on a 4 x 4 image the ground truth covers columns 0-1 (runs [0, 8, 8]), the
 * detection columns 1-2 (runs [4, 8, 4]); both have 8 pixels and share 4.
 */
final class MaskSimilarityTest {

    private static double iou(boolean crowd) {
        GroundTruth gt = GroundTruth.builder().addImage(1, 4, 4, "").addCategory(1, "thing")
                .addAnnotation(5, 1, 1, 0, 0, 2, 4, 8, crowd, false)
                .mask(0, Rle.of(4, 4, new int[] {0, 8, 8})).build();
        Detections dt = Detections.builder().add(1, 1, 1, 0, 2, 4, 0.9)
                .mask(Rle.of(4, 4, new int[] {4, 8, 4})).build();
        double[] out = new double[1];
        new MaskSimilarity(gt, dt).compute(new int[] {0}, 1, new int[] {0}, 0, 1, out);
        return out[0];
    }

    @Test
    void compute_overlappingColumns_intersectionOverUnion() {
        assertThat(iou(false)).isEqualTo(4.0 / (8 + 8 - 4));
    }

    @Test
    void compute_crowdGroundTruth_intersectionOverDetectionArea() {
        assertThat(iou(true)).isEqualTo(4.0 / 8);
    }
}
