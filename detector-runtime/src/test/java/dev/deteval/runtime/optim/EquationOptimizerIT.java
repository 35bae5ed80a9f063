package dev.deteval.runtime.optim;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

final class EquationOptimizerIT {

    @Test
    void update_afterStep_zeroesTheWeightsOwnGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray theta = manager.create(new float[] {3f, -4f});
            theta.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(theta.square().sum());
            }

            Sgd.gradientDescent(0.1f).update("theta", theta, theta.getGradient().duplicate());

            assertThat(theta.toFloatArray()).containsExactly(new float[] {3f - 0.1f * 6f, -4f + 0.1f * 8f}, within((float) FEW_FLOAT32_OPS));
            assertThat(theta.getGradient().toFloatArray()).containsExactly(0f, 0f);
        }
    }

    @Test
    void update_clipGrad_clipsBothSides() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray theta = manager.create(new float[] {0f, 0f});
            NDArray grad = manager.create(new float[] {5f, -5f});

            Sgd.builder(1f).optClipGrad(2f).build().update("theta", theta, grad);

            assertThat(theta.toFloatArray()).containsExactly(-2f, 2f);
        }
    }

    @Test
    void update_manySteps_leavesNoArraysOnTheWeightsManager() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray theta = manager.create(new float[] {1f, 2f});
            NDArray grad = manager.create(new float[] {0.5f, -0.5f});
            Adam adam = Adam.builder(0.01f).optDecoupledWeightDecay(0.1f).build();
            adam.update("theta", theta, grad);
            int afterFirst = manager.getManagedArrays().size();

            for (int i = 0; i < 50; i++) {
                adam.update("theta", theta, grad);
            }

            assertThat(manager.getManagedArrays()).hasSize(afterFirst);
        }
    }

    @Test
    void optDecoupledWeightDecay_negative_isRejected() {
        assertThatThrownBy(() -> Adam.builder(0.1f).optDecoupledWeightDecay(-1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be >= 0");
    }
}
