package dev.deteval.runtime.regularization;

import static dev.deteval.runtime.Tolerances.FEW_FLOAT32_OPS;
import static dev.deteval.runtime.Tolerances.FLOAT32_OP_CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** Pins the behaviour of DJL's own {@link BatchNorm} block (axis 1, momentum 0.9) on the PyTorch engine. */
final class BatchNormIT {

    private static final float EPS = 1e-5f;
    // four samples, two features: column 0 = 1, 2, 3, 6 (mean 3, biased var 3.5); column 1 = 0, 0, 4, 4 (mean 2, var 4)
    private static final float[] X = {1f, 0f, 2f, 0f, 3f, 4f, 6f, 4f};

    @Test
    void forward_training_normalizesWithBatchStatistics() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BatchNorm block = BatchNorm.builder().build();
            float[] y = forward(manager, block, X, true);

            assertThat(y[0]).isCloseTo((float) ((1 - 3) / Math.sqrt(3.5 + EPS)), within((float) FLOAT32_OP_CHAIN));
            assertThat(y[6]).isCloseTo((float) ((6 - 3) / Math.sqrt(3.5 + EPS)), within((float) FLOAT32_OP_CHAIN));
            assertThat(y[1]).isCloseTo((float) ((0 - 2) / Math.sqrt(4 + EPS)), within((float) FLOAT32_OP_CHAIN));
            assertThat(y[5]).isCloseTo((float) ((4 - 2) / Math.sqrt(4 + EPS)), within((float) FLOAT32_OP_CHAIN));
        }
    }

    @Test
    void forward_training_movesRunningStatisticsByMomentum() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BatchNorm block = BatchNorm.builder().optMomentum(0.9f).build();
            forward(manager, block, X, true);

            // running ← 0.9·running + 0.1·batch, from mean 0 and var 1; the variance is the unbiased one (n/(n−1))
            assertThat(running(block, Parameter.Type.RUNNING_MEAN))
                    .containsExactly(new float[] {0.1f * 3f, 0.1f * 2f}, within((float) FEW_FLOAT32_OPS));
            assertThat(running(block, Parameter.Type.RUNNING_VAR))
                    .containsExactly(new float[] {0.9f + 0.1f * 3.5f * 4 / 3, 0.9f + 0.1f * 4f * 4 / 3}, within((float) FEW_FLOAT32_OPS));
        }
    }

    @Test
    void forward_inference_usesRunningStatistics() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BatchNorm block = BatchNorm.builder().optMomentum(0.9f).build();
            forward(manager, block, X, true);
            float[] mean = running(block, Parameter.Type.RUNNING_MEAN);
            float[] var = running(block, Parameter.Type.RUNNING_VAR);

            float[] y = forward(manager, block, new float[] {5f, -1f}, false);

            assertThat(y[0]).isCloseTo((float) ((5 - mean[0]) / Math.sqrt(var[0] + EPS)), within((float) FLOAT32_OP_CHAIN));
            assertThat(y[1]).isCloseTo((float) ((-1 - mean[1]) / Math.sqrt(var[1] + EPS)), within((float) FLOAT32_OP_CHAIN));
        }
    }

    static float[] forward(NDManager manager, Block block, float[] values, boolean training) {
        NDArray x = manager.create(values, new Shape(values.length / 2, 2));
        if (!block.isInitialized()) {
            block.initialize(manager, DataType.FLOAT32, x.getShape());
        }
        NDList out = block.forward(new ParameterStore(manager, false), new NDList(x), training);
        return out.singletonOrThrow().toFloatArray();
    }

    static float[] running(Block block, Parameter.Type type) {
        return block.getParameters().values().stream()
                .filter(p -> p.getType() == type)
                .findFirst()
                .orElseThrow()
                .getArray()
                .toFloatArray();
    }
}
