package dev.deteval.eval.nms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

final class SoftNmsTest {

    // A = [0,0,2,2] (0.9), B = [1,0,3,2] (0.8): I = 2, U = 4 + 4 - 2 = 6, IoU = 1/3; C far away (0.7)
    private static final double[] BOXES = {0, 0, 2, 2, 1, 0, 3, 2, 10, 10, 11, 11};
    private static final double[] SCORES = {0.9, 0.8, 0.7};

    @Test
    void run_linearAboveThreshold_decaysByOneMinusIou() {
        NmsConfig config = NmsConfig.builder(0.3).optSuppression(Suppression.LINEAR).build();
        NmsResult r = Nms.run(BOXES, SCORES, null, config);
        assertThat(r).isEqualTo(new NmsResult(new int[] {0, 2, 1}, new double[] {0.9, 0.7, 0.8 * (1 - 1.0 / 3)}));
    }

    @Test
    void run_linearAtOrBelowThreshold_keepsScore() {
        NmsConfig config = NmsConfig.builder(1.0 / 3).optSuppression(Suppression.LINEAR).build();
        assertThat(Nms.run(BOXES, SCORES, null, config).scores()).containsExactly(0.9, 0.8, 0.7);
    }

    @Test
    void run_gaussian_decaysByExpOfIouSquaredOverSigma() {
        NmsConfig config = NmsConfig.builder(0.5).optSuppression(Suppression.GAUSSIAN).optSigma(0.5).build();
        double decayed = 0.8 * Math.exp(-(1.0 / 9) / 0.5); // 0.64…, now below C's 0.7
        assertThat(Nms.run(BOXES, SCORES, null, config)).isEqualTo(new NmsResult(new int[] {0, 2, 1},
                new double[] {0.9, 0.7, decayed}));
    }

    @Test
    void run_decayedBelowFloor_dropsBox() {
        // 0.8 * (1 - 1/3) = 0.533… < 0.6: B is dropped; C (0.7) stays
        NmsConfig config = NmsConfig.builder(0.3).optSuppression(Suppression.LINEAR).optScoreThreshold(0.6).build();
        assertThat(Nms.run(BOXES, SCORES, null, config).indices()).containsExactly(0, 2);
    }

    @Test
    void run_identicalBoxesLinear_decayToZero() {
        double[] boxes = {0, 0, 2, 2, 0, 0, 2, 2};
        NmsConfig config = NmsConfig.builder(0.5).optSuppression(Suppression.LINEAR).build();
        assertThat(Nms.run(boxes, new double[] {0.5, 0.5}, null, config)).isEqualTo(new NmsResult(new int[] {0, 1},
                new double[] {0.5, 0.0}));
    }

    @Test
    void run_decayReordersBoxes_laterBoxWithHigherScoreRanksFirst() {
        // after A decays B to 0.533…, C (0.7) is picked before B and B still decays nothing else
        NmsConfig config = NmsConfig.builder(0.3).optSuppression(Suppression.LINEAR).optMaxDetections(2).build();
        assertThat(Nms.run(BOXES, SCORES, null, config).indices()).containsExactly(0, 2);
    }

    @Property(tries = 2000)
    void run_linearRandomCase_equalsReference(@ForAll("linearCases") NmsCase c) {
        assertThat(Nms.run(c.boxes(), c.scores(), c.classIds(), c.config())).isEqualTo(reference(c));
    }

    @Property(tries = 2000)
    void run_gaussianRandomCase_equalsReference(@ForAll("gaussianCases") NmsCase c) {
        assertThat(Nms.run(c.boxes(), c.scores(), c.classIds(), c.config())).isEqualTo(reference(c));
    }

    @Provide
    Arbitrary<NmsCase> linearCases() {
        return NmsCase.arbitrary(Suppression.LINEAR);
    }

    @Provide
    Arbitrary<NmsCase> gaussianCases() {
        return NmsCase.arbitrary(Suppression.GAUSSIAN);
    }

    /**
     * Soft-NMS over all classes at once: take the remaining box with the highest current score (earlier
     * input on ties), decay the remaining boxes of its class by the formula, drop those below the floor,
     * repeat; then keep the first maxDetections.
     */
    private static NmsResult reference(NmsCase c) {
        NmsConfig config = c.config();
        double[] current = c.scores().clone();
        List<Integer> remaining = c.ranked();
        List<Integer> kept = new ArrayList<>();
        List<Double> keptScores = new ArrayList<>();
        while (!remaining.isEmpty()) {
            int best = remaining.get(0);
            for (int i : remaining) {
                if (current[i] > current[best] || (current[i] == current[best] && i < best)) {
                    best = i;
                }
            }
            remaining.remove(Integer.valueOf(best));
            kept.add(best);
            keptScores.add(current[best]);
            for (int j : remaining) {
                if (!c.sameClass(best, j)) {
                    continue;
                }
                double iou = c.iou(best, j);
                if (config.suppression() == Suppression.LINEAR) {
                    if (iou > config.iouThreshold()) {
                        current[j] = current[j] * (1 - iou);
                    }
                } else {
                    current[j] = current[j] * Math.exp(-(iou * iou) / config.sigma());
                }
            }
            remaining.removeIf(j -> current[j] < config.scoreThreshold());
        }
        int size = Math.min(kept.size(), config.maxDetections());
        int[] indices = new int[size];
        double[] scores = new double[size];
        for (int k = 0; k < size; k++) {
            indices[k] = kept.get(k);
            scores[k] = keptScores.get(k);
        }
        return new NmsResult(indices, scores);
    }
}
