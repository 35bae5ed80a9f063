package dev.deteval.runtime.regularization;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static dev.deteval.runtime.regularization.BatchNormIT.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

final class InstanceNormIT {

    private static final float EPS = 1e-5f;
    // shape (2, 2, 4): sample 0 channel 0 = 1, 2, 3, 6 (mean 3, biased var 3.5); s0 c1 = 0, 0, 4, 4 (mean 2, var 4);
    // s1 c0 = 2, 2, 2, 6 (mean 3, var 3); s1 c1 = -1, 1, -1, 1 (mean 0, var 1)
    private static final float[] X = {1, 2, 3, 6, 0, 0, 4, 4, 2, 2, 2, 6, -1, 1, -1, 1};

    @Test
    void forward_training_normalizesEachSampleChannelOverItsPositions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InstanceNorm block = InstanceNorm.builder().build();

            float[] y = forward(manager, block, X, true);

            assertThat(y[0]).isCloseTo((float) ((1 - 3) / Math.sqrt(3.5 + EPS)), within((float) FLOAT32_OP_CHAIN));
            assertThat(y[6]).isCloseTo((float) ((4 - 2) / Math.sqrt(4 + EPS)), within((float) FLOAT32_OP_CHAIN));
            assertThat(y[11]).isCloseTo((float) ((6 - 3) / Math.sqrt(3 + EPS)), within((float) FLOAT32_OP_CHAIN));
            assertThat(y[12]).isCloseTo((float) (-1 / Math.sqrt(1 + EPS)), within((float) FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void forward_training_movesRunningStatisticsByMomentum() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InstanceNorm block = InstanceNorm.builder().optMomentum(0.8f).build();

            forward(manager, block, X, true);

            // batch averages: channel 0 mean (3 + 3)/2, unbiased var (3.5 + 3)/2 · 4/3; channel 1 mean (2 + 0)/2, var (4 + 1)/2 · 4/3
            assertThat(running(block, Parameter.Type.RUNNING_MEAN))
                    .containsExactly(new float[] {0.2f * 3f, 0.2f * 1f}, within((float) FEW_FLOAT32_OPS));
            assertThat(running(block, Parameter.Type.RUNNING_VAR))
                    .containsExactly(new float[] {0.8f + 0.2f * 3.25f * 4 / 3, 0.8f + 0.2f * 2.5f * 4 / 3}, within((float) FEW_FLOAT32_OPS));
        }
    }

    @Test
    void forward_inference_usesRunningStatistics() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InstanceNorm block = InstanceNorm.builder().optMomentum(0.8f).build();
            forward(manager, block, X, true);
            float mean0 = 0.2f * 3f;
            float var0 = 0.8f + 0.2f * 3.25f * 4 / 3;

            float[] y = forward(manager, block, X, false);

            assertThat(y[0]).isCloseTo((float) ((1 - mean0) / Math.sqrt(var0 + EPS)), within((float) FLOAT32_OP_CHAIN));
            assertThat(y[3]).isCloseTo((float) ((6 - mean0) / Math.sqrt(var0 + EPS)), within((float) FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void forward_inferenceWithoutTracking_usesInstanceStatistics() {
        try (NDManager manager = NDManager.newBaseManager()) {
            InstanceNorm block = InstanceNorm.builder().optTrackRunningStats(false).build();

            float[] y = forward(manager, block, X, false);

            assertThat(y[0]).isCloseTo((float) ((1 - 3) / Math.sqrt(3.5 + EPS)), within((float) FLOAT32_OP_CHAIN));
            assertThat(running(block, Parameter.Type.RUNNING_MEAN)).containsExactly(0f, 0f);
        }
    }

    private static float[] forward(NDManager manager, InstanceNorm block, float[] values, boolean training) {
        NDArray x = manager.create(values, new Shape(2, 2, 4));
        if (!block.isInitialized()) {
            block.initialize(manager, DataType.FLOAT32, x.getShape());
        }
        return block.forward(new ParameterStore(manager, false), new NDList(x), training)
                .singletonOrThrow()
                .toFloatArray();
    }
}
