package dev.deteval.runtime.activation;

import ai.djl.ndarray.NDArray;

/** {@code tanh(x)}; backward {@code g · (1 - tanh²(x))}. */
public record Tanh() implements DifferentiableActivation {

    @Override
    public NDArray forward(NDArray input) {
        return input.tanh();
    }

    @Override
    public NDArray backward(NDArray input, NDArray gradOutput) {
        return gradOutput.mul(input.tanh().square().neg().add(1));
    }

    @Override
    public String name() {
        return "tanh";
    }
}
