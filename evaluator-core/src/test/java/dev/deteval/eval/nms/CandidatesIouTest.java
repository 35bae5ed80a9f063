package dev.deteval.eval.nms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.geometry.BoxFormat;
import dev.deteval.eval.geometry.Iou;
import dev.deteval.eval.geometry.IouVariant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * NMS, COCO matching and {@link IouVariant#IOU} share one IoU kernel ({@link Iou#edges}): from the same boxes
 * they give the same double, so a box suppressed at a threshold is the box COCO would match at it.
 */
final class CandidatesIouTest {

    @Test
    void iou_xywhInput_equalsCocoKernelBitForBit() {
        Random random = new Random(11);
        int n = 200;
        double[] boxes = randomXywh(random, n);
        Candidates c = Candidates.rank(boxes, BoxFormat.XYWH, scores(n), null, NmsConfig.builder(0.5).build());

        for (int r = 0; r < c.size; r++) {
            for (int s = 0; s < c.size; s++) {
                int a = 4 * c.index[r];
                int b = 4 * c.index[s];
                double coco = Iou.xywh(boxes[a], boxes[a + 1], boxes[a + 2], boxes[a + 3], boxes[b], boxes[b + 1],
                        boxes[b + 2], boxes[b + 3], false);
                assertThat(c.iou(r, s)).as("ranks %d, %d", r, s).isEqualTo(coco);
            }
        }
    }

    @Test
    void iou_xyxyInput_equalsIouVariantBitForBit() {
        Random random = new Random(12);
        int n = 200;
        double[] boxes = new double[4 * n];
        double[] xywh = randomXywh(random, n);
        for (int i = 0; i < n; i++) {
            boxes[4 * i] = xywh[4 * i];
            boxes[4 * i + 1] = xywh[4 * i + 1];
            boxes[4 * i + 2] = xywh[4 * i] + xywh[4 * i + 2];
            boxes[4 * i + 3] = xywh[4 * i + 1] + xywh[4 * i + 3];
        }
        Candidates c = Candidates.rank(boxes, BoxFormat.XYXY, scores(n), null, NmsConfig.builder(0.5).build());
        double[] matrix = IouVariant.IOU.pairwise(boxes, boxes, BoxFormat.XYXY);

        for (int r = 0; r < c.size; r++) {
            for (int s = 0; s < c.size; s++) {
                assertThat(c.iou(r, s)).as("ranks %d, %d", r, s).isEqualTo(matrix[c.index[r] * n + c.index[s]]);
            }
        }
    }

    /** Boxes in a 100 x 100 field, 1 to 41 wide, with fractional coordinates so rounding matters. */
    private static double[] randomXywh(Random random, int n) {
        double[] boxes = new double[4 * n];
        for (int i = 0; i < n; i++) {
            boxes[4 * i] = 100 * random.nextDouble();
            boxes[4 * i + 1] = 100 * random.nextDouble();
            boxes[4 * i + 2] = 1 + 40 * random.nextDouble();
            boxes[4 * i + 3] = 1 + 40 * random.nextDouble();
        }
        return boxes;
    }

    private static double[] scores(int n) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = 1 - i / (double) n;
        }
        return scores;
    }
}
