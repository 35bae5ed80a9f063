package dev.deteval.runtime.pooling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.pooling.Pool;

/**
 * 2-D average pooling over {@code (N, C, H, W)} with its backward pass by hand. Padding cells count as
 * zeros in the divisor (every window divides by k²): PyTorch's engine in DJL ignores
 * {@code countIncludePad = false}, so that is the only behaviour offered.
 *
 * <p>Backward: each output cell's gradient is shared equally, {@code g / k²}, by the k² cells of its
 * window; overlapping windows add up, and the shares that fall on padding are dropped.
 *
 * @param window kernel, stride and padding
 */
public record AveragePooling(PoolWindow window) {

    /**
     * @param input {@code (N, C, H, W)}
     * @return {@code (N, C, Ho, Wo)}, computed by DJL
     */
    public NDArray forward(NDArray input) {
        return Pool.avgPool2d(input, window.kernelShape(), window.strideShape(), window.paddingShape(), false, true);
    }

    /**
     * @param input {@code (N, C, H, W)}, as given to {@link #forward}
     * @param gradOutput dL/dy {@code (N, C, Ho, Wo)}
     * @return dL/dx {@code (N, C, H, W)}, in the input's manager
     */
    public NDArray backward(NDArray input, NDArray gradOutput) {
        NDManager owner = input.getManager();
        try (NDManager scope = NDManager.subManagerOf(input)) {
            scope.tempAttachAll(input, gradOutput);
            long height = input.getShape().get(2);
            long width = input.getShape().get(3);
            long outHeight = window.outputLength(height);
            long outWidth = window.outputLength(width);
            int k = window.kernel();
            NDArray share = gradOutput.div(k * k);
            NDArray gradPadded = window.pad(input, 0).zerosLike();
            for (int di = 0; di < k; di++) {
                for (int dj = 0; dj < k; dj++) {
                    NDArray slot = gradPadded.get(window.offset(di, dj, outHeight, outWidth));
                    gradPadded.set(window.offset(di, dj, outHeight, outWidth), slot.add(share));
                }
            }
            NDArray result = window.crop(gradPadded, height, width).duplicate();
            result.attach(owner);
            return result;
        }
    }
}
