package dev.deteval.runtime.regularization;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

final class PenalizedLossIT {

    private static final float[] W = {0.5f, -1f, 2f};
    private static final float LAMBDA = 0.3f;

    @Test
    void evaluate_l2_addsHalfLambdaSumOfSquaredWeightsButNotBias() {
        float[][] plain = valueAndGradients(Loss.l2Loss(), null);
        float[][] penalized = valueAndGradients(Loss.l2Loss(), Penalty.l2(LAMBDA));

        assertThat(penalized[0][0]).isCloseTo(plain[0][0] + LAMBDA / 2 * (0.25f + 1f + 4f), within((float) FLOAT32_OP_CHAIN));
    }

    @Test
    void evaluate_l2_addsLambdaTimesWeightToTheGradient() {
        float[][] plain = valueAndGradients(Loss.l2Loss(), null);
        float[][] penalized = valueAndGradients(Loss.l2Loss(), Penalty.l2(LAMBDA));

        for (int i = 0; i < W.length; i++) {
            assertThat(penalized[1][i]).isCloseTo(plain[1][i] + LAMBDA * W[i], within((float) FLOAT32_OP_CHAIN));
        }
        assertThat(penalized[2]).containsExactly(plain[2], within((float) FEW_FLOAT32_OPS));
    }

    @Test
    void evaluate_l1_addsLambdaSumOfAbsoluteWeightsAndSignGradient() {
        float[][] plain = valueAndGradients(Loss.l2Loss(), null);
        float[][] penalized = valueAndGradients(Loss.l2Loss(), Penalty.l1(LAMBDA));

        assertThat(penalized[0][0]).isCloseTo(plain[0][0] + LAMBDA * (0.5f + 1f + 2f), within((float) FLOAT32_OP_CHAIN));
        assertThat(penalized[1]).containsExactly(
                new float[] {plain[1][0] + LAMBDA, plain[1][1] - LAMBDA, plain[1][2] + LAMBDA}, within((float) FLOAT32_OP_CHAIN));
    }

    /** Returns {loss}, d loss/d weight, d loss/d bias for a fixed Linear(3 → 1) on two rows. */
    private static float[][] valueAndGradients(Loss data, Penalty penalty) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear block = Linear.builder().setUnits(1).build();
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 3));
            block.getParameters().get("weight").getArray().set(W);
            block.getParameters().get("bias").getArray().set(new float[] {0.3f});
            Loss loss = penalty == null ? data : new PenalizedLoss(data, block, penalty);
            NDArray x = manager.create(new float[] {1f, 2f, 3f, -1f, 0f, 1f}, new Shape(2, 3));
            NDArray y = manager.create(new float[] {1f, -2f}, new Shape(2, 1));
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList prediction = block.forward(new ParameterStore(manager, false), new NDList(x), true);
                NDArray l = loss.evaluate(new NDList(y), prediction);
                value = l.getFloat();
                collector.backward(l);
            }
            return new float[][] {
                {value},
                block.getParameters().get("weight").getArray().getGradient().toFloatArray(),
                block.getParameters().get("bias").getArray().getGradient().toFloatArray()
            };
        }
    }
}
