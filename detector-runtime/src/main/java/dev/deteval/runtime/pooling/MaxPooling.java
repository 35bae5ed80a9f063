package dev.deteval.runtime.pooling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.pooling.Pool;

/**
 * 2-D max pooling over {@code (N, C, H, W)} with its backward pass by hand.
 *
 * <p>Backward: each output cell's gradient goes to the one input element that was the maximum of its
 * window; when several elements tie, the first in row-major window order wins, as in PyTorch. Gradients
 * of overlapping windows add up. Padding cells hold -∞ and never win.
 *
 * <p>How: pad with -∞, take the k² strided slices {@code (N, C, Ho, Wo)} (one per window offset), stack
 * them and take {@code argMax} over the stack (the first maximum), then add {@code g · [argMax = offset]}
 * back into a zero array at each offset's strided positions, and crop the padding.
 *
 * @param window kernel, stride and padding
 */
public record MaxPooling(PoolWindow window) {

    /**
     * @param input {@code (N, C, H, W)}
     * @return {@code (N, C, Ho, Wo)}, computed by DJL
     */
    public NDArray forward(NDArray input) {
        return Pool.maxPool2d(input, window.kernelShape(), window.strideShape(), window.paddingShape(), false);
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
            NDArray padded = window.pad(input, Double.NEGATIVE_INFINITY);
            int k = window.kernel();
            NDList candidates = new NDList();
            for (int di = 0; di < k; di++) {
                for (int dj = 0; dj < k; dj++) {
                    candidates.add(padded.get(window.offset(di, dj, outHeight, outWidth)));
                }
            }
            NDArray winner = NDArrays.stack(candidates).argMax(0);
            NDArray gradPadded = padded.zerosLike();
            for (int di = 0; di < k; di++) {
                for (int dj = 0; dj < k; dj++) {
                    NDArray routed = gradOutput.mul(winner.eq(di * k + dj).toType(gradOutput.getDataType(), false));
                    NDArray slot = gradPadded.get(window.offset(di, dj, outHeight, outWidth));
                    gradPadded.set(window.offset(di, dj, outHeight, outWidth), slot.add(routed));
                }
            }
            NDArray result = window.crop(gradPadded, height, width).duplicate();
            result.attach(owner);
            return result;
        }
    }
}
