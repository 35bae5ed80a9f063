package dev.deteval.runtime.activation;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.deteval.runtime.FiniteDifferences;
import java.util.function.Function;

/** Reference gradients of {@code L = Σ g ⊙ f(x)}: DJL autograd (float32) and central differences (float64). */
final class Differentiation {

    private Differentiation() {
    }

    static float[] autograd(Function<NDArray, NDArray> f, float[] x, float[] g, Shape shape) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.create(x, shape);
            input.setRequiresGradient(true);
            NDArray gradOutput = manager.create(g, shape);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(f.apply(input).mul(gradOutput).sum());
            }
            return input.getGradient().toFloatArray();
        }
    }

    /** Central differences with step h, in float64 on purpose (float32 would lose the digits). */
    static double[] centralDifferences(Function<NDArray, NDArray> f, double[] x, double[] g, Shape shape) {
        return FiniteDifferences.central(f, x, shape, g, shape);
    }

    static float[] handBackward(DifferentiableActivation activation, float[] x, float[] g, Shape shape) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return activation.backward(manager.create(x, shape), manager.create(g, shape)).toFloatArray();
        }
    }

    static double[] handBackward(DifferentiableActivation activation, double[] x, double[] g, Shape shape) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return activation.backward(manager.create(x, shape), manager.create(g, shape)).toDoubleArray();
        }
    }
}
