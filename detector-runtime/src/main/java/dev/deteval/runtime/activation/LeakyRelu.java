package dev.deteval.runtime.activation;

import ai.djl.ndarray.NDArray;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * Leaky ReLU: {@code x} for {@code x > 0}, {@code α·x} otherwise; backward {@code g · (x > 0 ? 1 : α)}
 * (α at x = 0, as PyTorch).
 *
 * @param alpha slope α of the negative side
 */
public record LeakyRelu(float alpha) implements DifferentiableActivation {

    @Override
    public NDArray forward(NDArray input) {
        NDArray zero = EngineScalar.of(input, 0);
        return input.maximum(zero).add(input.minimum(zero).mul(EngineScalar.of(input, alpha)));
    }

    @Override
    public NDArray backward(NDArray input, NDArray gradOutput) {
        NDArray positive = input.gt(0).toType(input.getDataType(), false);
        return gradOutput.mul(positive.mul(1 - alpha).add(alpha));
    }

    @Override
    public String name() {
        return "leakyRelu";
    }
}
