package dev.deteval.runtime.loss;

import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.geometry.Box;
import dev.deteval.eval.geometry.IouVariant;
import org.junit.jupiter.api.Test;

/** {@link IouLoss} and {@link GiouLoss} against evaluator-core's scalar definitions. */
final class BoxLossesIT {

    /** Predictions and targets, xyxy: overlapping, nested, disjoint. */
    private static final float[] P = {0f, 0f, 2f, 2f, 1f, 1f, 4f, 5f, 0f, 0f, 1f, 1f};
    private static final float[] T = {1f, 1f, 3f, 3f, 0f, 0f, 5f, 6f, 2f, 3f, 4f, 4f};

    private static double meanOneMinus(IouVariant variant, float[] p, float[] t) {
        double sum = 0;
        for (int i = 0; i < p.length; i += 4) {
            sum += 1 - variant.of(new Box(p[i], p[i + 1], p[i + 2], p[i + 3]), new Box(t[i], t[i + 1], t[i + 2], t[i + 3]));
        }
        return sum / (p.length / 4);
    }

    /**
     * Central difference of the scalar reference in double: d(1 - variant)/d P[index], over the batch. No
     * coordinate sits on a min/max kink of these boxes, so with h = 1e-6 its error is about
     * 2.2e-16 / h ≈ 2e-10, far inside the float32 tolerance of the autograd gradient it checks.
     */
    private static double referenceGradient(IouVariant variant, int index) {
        double h = 1e-6;
        int box = index / 4 * 4;
        double[] a = {P[box], P[box + 1], P[box + 2], P[box + 3]};
        Box target = new Box(T[box], T[box + 1], T[box + 2], T[box + 3]);
        a[index - box] += h;
        double up = 1 - variant.of(new Box(a[0], a[1], a[2], a[3]), target);
        a[index - box] -= 2 * h;
        double down = 1 - variant.of(new Box(a[0], a[1], a[2], a[3]), target);
        return (up - down) / (2 * h) / (P.length / 4);
    }

    @Test
    void iou_threePairs_equalsEvaluatorCoreDefinition() {
        LossProbe.Result r = LossProbe.run(new IouLoss(), T, P, 3, 4);
        double overlapping = 1.0 / (4 + 4 - 1);
        double nested = 12.0 / 30;
        assertThat((double) r.value()).isCloseTo(((1 - overlapping) + (1 - nested) + 1) / 3, within(FLOAT32_OP_CHAIN));
        assertThat((double) r.value()).isCloseTo(meanOneMinus(IouVariant.IOU, P, T), within(FLOAT32_OP_CHAIN));
    }

    @Test
    void iou_overlappingPair_gradientEqualsHandDerivationAndReference() {
        LossProbe.Result r = LossProbe.run(new IouLoss(), T, P, 3, 4);
        // first pair: I = 1, U = 7; moving px2 grows I by 1 and U by 2 - 1, so dIoU/dpx2 = (7 - 1) / 49
        assertThat((double) r.gradient()[2]).isCloseTo(-(6.0 / 49) / 3, within(FLOAT32_OP_CHAIN));
        // moving px1 leaves I alone and shrinks U by 2: dIoU/dpx1 = 2 / 49
        assertThat((double) r.gradient()[0]).isCloseTo(-(2.0 / 49) / 3, within(FLOAT32_OP_CHAIN));
        for (int i = 0; i < P.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(referenceGradient(IouVariant.IOU, i), within(FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void giou_threePairs_equalsEvaluatorCoreDefinition() {
        LossProbe.Result r = LossProbe.run(new GiouLoss(), T, P, 3, 4);
        double overlapping = 1.0 / 7 - (9.0 - 7) / 9;
        double nested = 12.0 / 30 - 0;
        double disjoint = 0 - (4.0 * 4 - (1 + 2)) / (4 * 4);
        assertThat((double) r.value()).isCloseTo(((1 - overlapping) + (1 - nested) + (1 - disjoint)) / 3,
                within(FLOAT32_OP_CHAIN));
        assertThat((double) r.value()).isCloseTo(meanOneMinus(IouVariant.GIOU, P, T), within(FLOAT32_OP_CHAIN));
    }

    @Test
    void giou_overlappingAndDisjointPairs_gradientEqualsHandDerivationAndReference() {
        LossProbe.Result r = LossProbe.run(new GiouLoss(), T, P, 3, 4);
        // px2: dIoU = 6/49; the enclosing box (C = 9) does not move, U grows by 1: d(U/C) = 1/9
        assertThat((double) r.gradient()[2]).isCloseTo(-(6.0 / 49 + 1.0 / 9) / 3, within(FLOAT32_OP_CHAIN));
        // px1: dIoU = 2/49; dU = -2, dC = -3: d(U/C) = (-2·9 + 7·3) / 81
        assertThat((double) r.gradient()[0]).isCloseTo(-(2.0 / 49 + 3.0 / 81) / 3, within(FLOAT32_OP_CHAIN));
        // disjoint boxes still get a gradient, unlike IoU
        assertThat(r.gradient()[8]).isNotZero();
        for (int i = 0; i < P.length; i++) {
            assertThat((double) r.gradient()[i]).isCloseTo(referenceGradient(IouVariant.GIOU, i), within(FLOAT32_OP_CHAIN));
        }
    }
}
