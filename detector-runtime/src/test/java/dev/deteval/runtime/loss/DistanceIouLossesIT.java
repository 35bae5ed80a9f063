package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.geometry.Box;
import dev.deteval.eval.geometry.IouVariant;
import org.junit.jupiter.api.Test;

/** {@link DiouLoss} and {@link CiouLoss} against evaluator-core's scalar definitions and hand arithmetic. */
final class DistanceIouLossesIT {

    /** Predictions and targets, xyxy: overlapping, nested, disjoint (the pairs of BoxLossesIT). */
    private static final float[] P = {0f, 0f, 2f, 2f, 1f, 1f, 4f, 5f, 0f, 0f, 1f, 1f};
    private static final float[] T = {1f, 1f, 3f, 3f, 0f, 0f, 5f, 6f, 2f, 3f, 4f, 4f};

    private static double meanOneMinus(IouVariant variant) {
        double sum = 0;
        for (int i = 0; i < P.length; i += 4) {
            sum += 1 - variant.of(new Box(P[i], P[i + 1], P[i + 2], P[i + 3]), new Box(T[i], T[i + 1], T[i + 2], T[i + 3]));
        }
        return sum / (P.length / 4);
    }

    /** Central difference of the scalar reference in double: d(1 - DIoU)/d P[index], over the batch. */
    private static double referenceGradient(int index) {
        double h = 1e-6;
        int box = index / 4 * 4;
        double[] a = {P[box], P[box + 1], P[box + 2], P[box + 3]};
        Box target = new Box(T[box], T[box + 1], T[box + 2], T[box + 3]);
        a[index - box] += h;
        double up = 1 - IouVariant.DIOU.of(new Box(a[0], a[1], a[2], a[3]), target);
        a[index - box] -= 2 * h;
        double down = 1 - IouVariant.DIOU.of(new Box(a[0], a[1], a[2], a[3]), target);
        return (up - down) / (2 * h) / (P.length / 4);
    }

    @Test
    void diou_threePairs_equalsEvaluatorCoreDefinition() {
        LossProbe.Result r = LossProbe.run(new DiouLoss(), T, P, 3, 4);

        // overlapping: IoU 1/7, centres (1,1) and (2,2): ρ² = 2, enclosing 3×3: c² = 18
        // nested: IoU 12/30, centres (2.5,3) and (2.5,3): ρ² = 0
        // disjoint: IoU 0, centres (0.5,0.5) and (3,3.5): ρ² = 6.25 + 9, enclosing 4×4: c² = 32
        double expected = ((1 - (1.0 / 7 - 2.0 / 18)) + (1 - 12.0 / 30) + (1 - (0 - 15.25 / 32))) / 3;
        assertThat((double) r.value()).isCloseTo(expected, within(FLOAT32_OP_CHAIN));
        assertThat((double) r.value()).isCloseTo(meanOneMinus(IouVariant.DIOU), within(FLOAT32_OP_CHAIN));
    }

    @Test
    void diou_allPairs_gradientEqualsCentralDifferencesOfTheReference() {
        LossProbe.Result r = LossProbe.run(new DiouLoss(), T, P, 3, 4);

        // 1e-4: float32 autograd against a double central difference with h = 1e-6 (as BoxLossesIT)
        for (int i = 0; i < P.length; i++) {
            assertThat((double) r.gradient()[i]).as("coordinate %d", i).isCloseTo(referenceGradient(i), within(1e-4));
        }
        // the disjoint pair: moving the prediction right (both x edges) brings the centres together
        assertThat(r.gradient()[8] + r.gradient()[10]).isNegative();
    }

    @Test
    void ciou_threePairs_equalsEvaluatorCoreDefinition() {
        LossProbe.Result r = LossProbe.run(new CiouLoss(), T, P, 3, 4);

        assertThat((double) r.value()).isCloseTo(meanOneMinus(IouVariant.CIOU), within(FLOAT32_OP_CHAIN));
    }

    @Test
    void ciou_sameAspectRatio_equalsDiou() {
        // two squares: the aspect gap v is 0, so CIoU = DIoU
        float[] p = {0f, 0f, 2f, 2f};
        float[] t = {1f, 1f, 3f, 3f};
        LossProbe.Result ciou = LossProbe.run(new CiouLoss(), t, p, 1, 4);
        LossProbe.Result diou = LossProbe.run(new DiouLoss(), t, p, 1, 4);

        assertThat(ciou.value()).isCloseTo(diou.value(), within((float) FLOAT32_OP_CHAIN));
        assertThat(ciou.gradient()).containsExactly(diou.gradient(), within((float) FLOAT32_OP_CHAIN));
    }

    @Test
    void ciou_tallPredictionForSquareTarget_addsTheAspectTerm() {
        // centred on each other: ρ = 0; p is 1×2 inside t 2×2: IoU = 2/4, v = (4/π²)(π/4 − atan2(1, 2))²
        float[] p = {0.5f, 0f, 1.5f, 2f};
        float[] t = {0f, 0f, 2f, 2f};
        LossProbe.Result r = LossProbe.run(new CiouLoss(), t, p, 1, 4);

        double v = 4 / (Math.PI * Math.PI) * Math.pow(Math.PI / 4 - Math.atan2(1, 2), 2);
        double alpha = v / ((1 - 0.5) + v);
        assertThat((double) r.value()).isCloseTo(1 - (0.5 - alpha * v), within(FLOAT32_OP_CHAIN));
    }
}
