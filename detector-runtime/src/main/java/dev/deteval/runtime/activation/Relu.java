package dev.deteval.runtime.activation;

import ai.djl.ndarray.NDArray;
import dev.deteval.runtime.tensor.EngineScalar;

/** {@code max(0, x)}; backward {@code g · [x > 0]} (0 at x = 0, as PyTorch). */
public record Relu() implements DifferentiableActivation {

    @Override
    public NDArray forward(NDArray input) {
        return input.maximum(EngineScalar.of(input, 0));
    }

    @Override
    public NDArray backward(NDArray input, NDArray gradOutput) {
        return gradOutput.mul(input.gt(0).toType(input.getDataType(), false));
    }

    @Override
    public String name() {
        return "relu";
    }
}
