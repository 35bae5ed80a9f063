package dev.deteval.runtime.regularization;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.deteval.runtime.tensor.EngineScalar;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Instance normalization: each sample's channel is normalized over its own spatial positions.
 *
 * <p>Input and output shape (N, C, *) with at least one spatial axis. In training,
 * y = γ_c (x − μ_nc) / √(σ²_nc + ε) + β_c, where μ_nc and σ²_nc (biased) are taken over the spatial
 * axes of sample n, channel c; γ starts at 1, β at 0. When running statistics are tracked (the
 * default here; PyTorch's {@code InstanceNorm} defaults to not tracking), each training forward also
 * updates, per channel, running_mean ← m·running_mean + (1 − m)·mean_n(μ_nc) and
 * running_var ← m·running_var + (1 − m)·mean_n(σ²_nc · k/(k − 1)) with k spatial positions (the
 * unbiased variance, as PyTorch and DJL's {@link ai.djl.nn.norm.BatchNorm} do), and inference
 * normalizes with the running statistics. The momentum m follows DJL's {@code BatchNorm} convention
 * (weight of the old value, default 0.9; PyTorch's momentum is 1 − m).
 */
public final class InstanceNorm extends AbstractBlock {

    private final float momentum;
    private final float epsilon;
    private final boolean trackRunningStats;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    private InstanceNorm(Builder builder) {
        momentum = builder.momentum;
        epsilon = builder.epsilon;
        trackRunningStats = builder.trackRunningStats;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
        runningMean = addParameter(Parameter.builder()
                .setName("runningMean").setType(Parameter.Type.RUNNING_MEAN).optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder()
                .setName("runningVar").setType(Parameter.Type.RUNNING_VAR).optRequiresGrad(false).build());
    }

    /**
     * Starts an instance-norm block.
     *
     * @return a builder with m = 0.9, ε = 1e-5, running statistics tracked
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device device = x.getDevice();
        Shape perChannel = perChannelShape(x.getShape());
        int[] spatial = IntStream.range(2, x.getShape().dimension()).toArray();
        NDArray mean;
        NDArray variance;
        if (training || !trackRunningStats) {
            mean = x.mean(spatial, true);
            variance = x.sub(mean).square().mean(spatial, true);
            if (training && trackRunningStats) {
                long k = x.getShape().slice(2).size();
                updateRunning(store.getValue(runningMean, device, true), mean);
                NDArray unbiased = variance.mul(EngineScalar.of(variance, (float) k / (k - 1)));
                updateRunning(store.getValue(runningVar, device, true), unbiased);
            }
        } else {
            mean = store.getValue(runningMean, device, false).reshape(perChannel);
            variance = store.getValue(runningVar, device, false).reshape(perChannel);
        }
        NDArray normalized = x.sub(mean).div(variance.add(epsilon).sqrt());
        NDArray scale = store.getValue(gamma, device, training).reshape(perChannel);
        NDArray shift = store.getValue(beta, device, training).reshape(perChannel);
        return new NDList(normalized.mul(scale).add(shift));
    }

    /** running ← m·running + (1 − m)·(statistic averaged over the batch), outside autograd. */
    private void updateRunning(NDArray running, NDArray statistic) {
        long channels = statistic.getShape().get(1);
        NDArray batchAverage = statistic.stopGradient().reshape(-1, channels).mean(new int[] {0});
        running.muli(momentum).addi(batchAverage.mul(EngineScalar.of(batchAverage, 1f - momentum)));
    }

    private static Shape perChannelShape(Shape input) {
        long[] dims = new long[input.dimension()];
        Arrays.fill(dims, 1L);
        dims[1] = input.get(1);
        return new Shape(dims);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        if (inputShapes[0].dimension() < 3) {
            throw new IllegalArgumentException(
                    "instance norm needs (N, C, spatial...) input, was " + inputShapes[0]);
        }
        Shape channels = new Shape(inputShapes[0].get(1));
        gamma.setShape(channels);
        beta.setShape(channels);
        runningMean.setShape(channels);
        runningVar.setShape(channels);
    }

    /** Settings of {@link InstanceNorm}. */
    public static final class Builder {

        private float momentum = 0.9f;
        private float epsilon = 1e-5f;
        private boolean trackRunningStats = true;

        private Builder() {}

        /**
         * Sets the momentum m, the weight of the old running value. Defaults to 0.9.
         *
         * @param momentum 0 ≤ m &lt; 1
         * @return this builder
         */
        public Builder optMomentum(float momentum) {
            if (!(momentum >= 0f && momentum < 1f)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
            }
            this.momentum = momentum;
            return this;
        }

        /**
         * Sets ε, added to the variance. Defaults to 1e-5.
         *
         * @param epsilon ε &gt; 0
         * @return this builder
         */
        public Builder optEpsilon(float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Chooses whether inference uses running statistics (true, the default) or each instance's own.
         *
         * @param track whether to track running statistics
         * @return this builder
         */
        public Builder optTrackRunningStats(boolean track) {
            this.trackRunningStats = track;
            return this;
        }

        /**
         * Builds the block.
         *
         * @return the block
         */
        public InstanceNorm build() {
            return new InstanceNorm(this);
        }
    }
}
