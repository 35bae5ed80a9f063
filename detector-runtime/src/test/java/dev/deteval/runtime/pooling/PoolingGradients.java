package dev.deteval.runtime.pooling;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.deteval.runtime.FiniteDifferences;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Seeded data and reference gradients of {@code L = Σ g ⊙ pool(x)} for the pooling tests. */
final class PoolingGradients {

    static final Shape INPUT = new Shape(2, 2, 7, 6);

    private PoolingGradients() {
    }

    /** Distinct seeded values (no ties), so the max-pool derivative exists everywhere. */
    static double[] distinct(long seed, long size) {
        Random random = new Random(seed);
        double[] out = new double[(int) size];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextDouble() * 4 - 2;
        }
        return out;
    }

    static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    static Shape outputShape(PoolWindow window) {
        return new Shape(INPUT.get(0), INPUT.get(1), window.outputLength(INPUT.get(2)), window.outputLength(INPUT.get(3)));
    }

    static float[] autograd(Function<NDArray, NDArray> pool, float[] x, float[] g, Shape outShape) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.create(x, INPUT);
            input.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(pool.apply(input).mul(manager.create(g, outShape)).sum());
            }
            return input.getGradient().toFloatArray();
        }
    }

    static float[] hand(BiFunction<NDArray, NDArray, NDArray> backward, float[] x, float[] g, Shape outShape) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return backward.apply(manager.create(x, INPUT), manager.create(g, outShape)).toFloatArray();
        }
    }

    static double[] hand(BiFunction<NDArray, NDArray, NDArray> backward, double[] x, double[] g, Shape outShape) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return backward.apply(manager.create(x, INPUT), manager.create(g, outShape)).toDoubleArray();
        }
    }

    /** Central differences with step h, in float64 on purpose. */
    static double[] centralDifferences(Function<NDArray, NDArray> pool, double[] x, double[] g, Shape outShape) {
        return FiniteDifferences.central(pool, x, INPUT, g, outShape);
    }
}
