package dev.deteval.runtime.activation;

import ai.djl.ndarray.NDArray;

/**
 * Softmax along one axis, {@code y_i = exp(x_i - m) / Σ_k exp(x_k - m)} with {@code m = max_k x_k}
 * along that axis: subtracting the maximum leaves the result unchanged and keeps every exponent ≤ 0, so
 * no overflow. Backward: {@code dL/dx = y ⊙ (g - Σ_k g_k y_k)}, the sum along the same axis.
 *
 * @param axis the axis that sums to 1 (negative counts from the end)
 */
public record Softmax(int axis) implements DifferentiableActivation {

    @Override
    public NDArray forward(NDArray input) {
        NDArray shifted = input.sub(input.max(new int[] {axis}, true).stopGradient());
        NDArray exponentials = shifted.exp();
        return exponentials.div(exponentials.sum(new int[] {axis}, true));
    }

    @Override
    public NDArray backward(NDArray input, NDArray gradOutput) {
        NDArray y = forward(input);
        NDArray projection = gradOutput.mul(y).sum(new int[] {axis}, true);
        return y.mul(gradOutput.sub(projection));
    }

    @Override
    public String name() {
        return "softmax";
    }
}
