package dev.deteval.runtime.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars for arithmetic that autograd differentiates.
 *
 * <p>DJL 0.36's {@code NDArray.mul(Number)}, {@code div(Number)}, {@code maximum(Number)},
 * {@code minimum(Number)} and {@code pow(Number)} wrap the number in a 0-d tensor that views a Java
 * direct buffer, and close that tensor as soon as the result exists. PyTorch's autograd keeps the
 * operand of those operations for the backward pass; once a garbage collection frees the buffer, the
 * gradient is computed from whatever memory is there. A scalar made here is allocated by PyTorch and
 * lives as long as autograd holds it. Use it for every such operation in a forward pass or a loss.
 * {@code add(Number)}, {@code sub(Number)} and {@code clip(Number, Number)} need nothing kept and are
 * safe as they are.
 */
public final class EngineScalar {

    private EngineScalar() {
    }

    /**
     * A 0-d array of {@code value} in {@code like}'s manager, device and data type, so that an operation
     * with {@code like} gives bit for bit what the {@code Number} form gives.
     *
     * @param like the array the scalar will be combined with
     * @param value the value, converted to {@code like}'s data type
     * @return a new 0-d array (shape {@code ()}) owned by {@code like}'s manager
     */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType(), like.getDevice());
    }
}
