package dev.deteval.runtime.pooling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The geometry of a square 2-D pooling: kernel k, stride s, zero-based symmetric padding p, floor
 * rounding (no ceil mode). For input height H the output height is {@code floor((H + 2p - k) / s) + 1},
 * likewise for the width.
 *
 * @param kernel window side k, positive
 * @param stride step s between windows, positive
 * @param padding p cells added on each side, {@code 0 <= p <= k / 2} (PyTorch's limit)
 */
public record PoolWindow(int kernel, int stride, int padding) {

    /** Checks the limits. */
    public PoolWindow {
        if (kernel <= 0 || stride <= 0 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException("pooling needs kernel > 0, stride > 0 and 0 <= padding <= kernel/2, got "
                    + "kernel " + kernel + ", stride " + stride + ", padding " + padding);
        }
    }

    /** Output length for an input length. */
    long outputLength(long inputLength) {
        return (inputLength + 2L * padding - kernel) / stride + 1;
    }

    Shape kernelShape() {
        return new Shape(kernel, kernel);
    }

    Shape strideShape() {
        return new Shape(stride, stride);
    }

    Shape paddingShape() {
        return new Shape(padding, padding);
    }

    /**
     * The strided slice of a padded {@code (N, C, H+2p, W+2p)} array that holds, for every output cell,
     * the element at offset (di, dj) of its window: shape {@code (N, C, Ho, Wo)}.
     */
    NDIndex offset(int di, int dj, long outHeight, long outWidth) {
        long lastRow = di + stride * (outHeight - 1) + 1;
        long lastColumn = dj + stride * (outWidth - 1) + 1;
        return new NDIndex(":, :, {}:{}:{}, {}:{}:{}", di, lastRow, stride, dj, lastColumn, stride);
    }

    /** Pads the last two axes of {@code (N, C, H, W)} by p on each side with {@code value}. */
    NDArray pad(NDArray input, double value) {
        if (padding == 0) {
            return input;
        }
        return input.pad(new Shape(padding, padding, padding, padding), value);
    }

    /** Removes the padding added by {@link #pad}. */
    NDArray crop(NDArray padded, long height, long width) {
        if (padding == 0) {
            return padded;
        }
        return padded.get(new NDIndex(":, :, {}:{}, {}:{}", padding, padding + height, padding, padding + width));
    }
}
