package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcut for boxes apart gives {@link BoxSimilarity}'s values bit for bit. */
final class ApartBoxSimilarityTest {

    /** Bit patterns of every pair's similarity, {@code [dt][gt]} row-major. */
    private static long[] bits(Similarity s, int dts, int gts) {
        int[] dtRows = new int[dts];
        for (int d = 0; d < dts; d++) {
            dtRows[d] = d;
        }
        int[] gtRows = new int[gts + 3];
        for (int g = 0; g < gts; g++) {
            gtRows[g + 3] = g; // the ground truths start at an offset, as a class's run does
        }
        double[] out = new double[dts * gts];
        s.compute(dtRows, dts, gtRows, 3, gts, out);
        long[] bits = new long[out.length];
        for (int i = 0; i < out.length; i++) {
            bits[i] = Double.doubleToRawLongBits(out[i]);
        }
        return bits;
    }

    @Test
    void compute_boxesOnASmallGrid_sameBitsAsBoxSimilarity() {
        // integer coordinates on a 12 x 12 grid: many boxes touch along an edge, many overlap, many are apart
        Random random = new Random(16);
        GroundTruth.Builder gtb = GroundTruth.builder().addImage(1).addCategory(1, "a");
        int gts = 40;
        for (int g = 0; g < gts; g++) {
            double w = random.nextInt(6);
            double h = random.nextInt(6);
            gtb.addAnnotation(g + 1, 1, 1, random.nextInt(8), random.nextInt(8), w, h, w * h, g % 5 == 0, false);
        }
        Detections.Builder dtb = Detections.builder();
        int dts = 60;
        for (int d = 0; d < dts; d++) {
            dtb.add(1, 1, random.nextInt(8) + random.nextInt(4) / 4.0, random.nextInt(8), random.nextInt(6),
                    random.nextInt(6) + 0.5, 0.5);
        }
        GroundTruth gt = gtb.build();
        Detections dt = dtb.build();
        long[] expected = bits(new BoxSimilarity(gt, dt), dts, gts);
        assertThat(bits(new ApartBoxSimilarity(gt, dt), dts, gts)).containsExactly(expected);
        int zeros = 0;
        for (long b : expected) {
            zeros += b == 0 ? 1 : 0;
        }
        assertThat(zeros).isBetween(1, expected.length - 1); // both kinds of pair occur
    }

    @Test
    void compute_edgesBeyondTheLargestDouble_sameBitsAsBoxSimilarity() {
        // x + w overflows to infinity: those pairs take the full arithmetic (which can give NaN)
        double big = Double.MAX_VALUE;
        GroundTruth gt = GroundTruth.builder().addImage(1).addCategory(1, "a")
                .addAnnotation(1, 1, 1, big, big, big, big, 1, false, false)
                .addAnnotation(2, 1, 1, 0, 0, 10, 10)
                .addAnnotation(3, 1, 1, -big, -big, big, big, 1, true, false).build();
        Detections dt = Detections.builder().add(1, 1, big, big, big, big, 0.9).add(1, 1, 0, 0, big, big, 0.8)
                .add(1, 1, 20, 20, 5, 5, 0.7).add(1, 1, -big, 0, big, 5, 0.6).build();
        long[] expected = bits(new BoxSimilarity(gt, dt), 4, 3);
        assertThat(bits(new ApartBoxSimilarity(gt, dt), 4, 3)).containsExactly(expected);
    }
}
