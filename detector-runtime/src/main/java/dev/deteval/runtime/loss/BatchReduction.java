package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import java.util.stream.IntStream;

/** The package's reduction: sum over each sample's non-batch axes, then mean over the batch (axis 0). */
final class BatchReduction {

    private BatchReduction() {
    }

    /**
     * @param terms {@code (N, ...)} per-element loss terms
     * @return scalar: {@code (1/N) * sum over samples of (sum over that sample's elements)}
     */
    static NDArray sumPerSampleThenMean(NDArray terms) {
        return perSampleSum(terms).mean();
    }

    /**
     * @param terms {@code (N, ...)}
     * @return {@code (N)}: each sample's terms summed (the array itself when it is 1-D)
     */
    static NDArray perSampleSum(NDArray terms) {
        int dims = terms.getShape().dimension();
        if (dims <= 1) {
            return terms;
        }
        return terms.sum(IntStream.range(1, dims).toArray());
    }

    /**
     * @param terms {@code (N, ...)}
     * @return {@code (N, D)}: each sample flattened to one row of D elements
     */
    static NDArray rows(NDArray terms) {
        long n = terms.getShape().get(0);
        return terms.reshape(n, -1);
    }
}
