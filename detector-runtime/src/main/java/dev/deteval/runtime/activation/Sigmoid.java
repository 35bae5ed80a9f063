package dev.deteval.runtime.activation;

import ai.djl.ndarray.NDArray;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * {@code σ(x) = 1 / (1 + e^-x)}; backward {@code g · σ(x)(1 - σ(x))}. The forward pass is computed as
 * {@code (1 + tanh(x/2)) / 2}, an identity that never overflows.
 */
public record Sigmoid() implements DifferentiableActivation {

    @Override
    public NDArray forward(NDArray input) {
        return input.div(EngineScalar.of(input, 2)).tanh().add(1).div(EngineScalar.of(input, 2));
    }

    @Override
    public NDArray backward(NDArray input, NDArray gradOutput) {
        NDArray s = forward(input);
        return gradOutput.mul(s.mul(s.neg().add(1)));
    }

    @Override
    public String name() {
        return "sigmoid";
    }
}
