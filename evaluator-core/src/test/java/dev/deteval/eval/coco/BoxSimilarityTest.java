package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.geometry.Iou;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The box similarity of a block of detections against a run of ground truths equals {@link Iou#xywh} pair by
 * pair, bit for bit: the block computes each ground truth's edges once, which must not change any value.
 */
final class BoxSimilarityTest {

    @Test
    void compute_randomBoxesAndCrowds_equalsXywhPairByPair() {
        for (long seed = 0; seed < 50; seed++) {
            Random r = new Random(seed);
            GroundTruth.Builder g = GroundTruth.builder().addImage(1).addCategory(1, "a");
            int gts = 1 + r.nextInt(12);
            double[][] gtBoxes = new double[gts][];
            boolean[] crowd = new boolean[gts];
            for (int i = 0; i < gts; i++) {
                gtBoxes[i] = box(r);
                crowd[i] = r.nextInt(4) == 0;
                g.addAnnotation(i + 1, 1, 1, gtBoxes[i][0], gtBoxes[i][1], gtBoxes[i][2], gtBoxes[i][3],
                        gtBoxes[i][2] * gtBoxes[i][3], crowd[i], false);
            }
            Detections.Builder d = Detections.builder();
            int dts = 1 + r.nextInt(30);
            double[][] dtBoxes = new double[dts][];
            for (int i = 0; i < dts; i++) {
                dtBoxes[i] = box(r);
                d.add(1, 1, dtBoxes[i][0], dtBoxes[i][1], dtBoxes[i][2], dtBoxes[i][3], r.nextDouble());
            }
            BoxSimilarity similarity = new BoxSimilarity(g.build(), d.build());
            // a shuffled subset of the detections against ground truths 1 .. gts - 1 (a run not at the start)
            int[] rows = new int[dts];
            int n = 0;
            for (int i = dts - 1; i >= 0; i--) {
                if (r.nextInt(3) > 0) {
                    rows[n++] = i;
                }
            }
            int[] gtRows = new int[gts];
            for (int i = 0; i < gts; i++) {
                gtRows[i] = i;
            }
            int from = gts > 1 ? 1 : 0;
            int count = gts - from;
            double[] ious = new double[n * count];
            similarity.compute(rows, n, gtRows, from, count, ious);
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < count; j++) {
                    double[] a = dtBoxes[rows[k]];
                    double[] b = gtBoxes[from + j];
                    double expected = Iou.xywh(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], crowd[from + j]);
                    assertThat(Double.doubleToRawLongBits(ious[k * count + j])).as("seed %d pair %d %d", seed, k, j)
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
            }
        }
    }

    /** A box with fractional coordinates (rounding matters), sometimes of zero width or height. */
    private static double[] box(Random r) {
        double w = r.nextInt(10) == 0 ? 0 : r.nextDouble() * 60;
        double h = r.nextInt(10) == 0 ? 0 : r.nextDouble() * 60;
        return new double[] {r.nextDouble() * 100 - 10, r.nextDouble() * 100 - 10, w, h};
    }
}
