package dev.deteval.runtime.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.deteval.runtime.tensor.EngineScalar;
import java.util.function.Function;

/** Runs an optimizer on a differentiable function of one parameter array and records θ after each step. */
final class Trajectories {

    private Trajectories() {}

    /**
     * Least squares on four fixed rows: f(θ) = 1/8 · Σᵢ (xᵢ·θ − yᵢ)², θ of shape (3).
     */
    static float[][] leastSquares(Optimizer optimizer, int steps) {
        return run(optimizer, new float[] {0.5f, -1.5f, 2f}, steps, theta -> {
            NDManager m = theta.getManager();
            NDArray x = m.create(
                    new float[] {1f, 2f, 0f, 0f, 1f, -1f, 3f, 0f, 1f, -2f, 1f, 1f}, new Shape(4, 3));
            NDArray y = m.create(new float[] {1f, -1f, 2f, 0.5f});
            return x.matMul(theta).sub(y).square().sum().div(EngineScalar.of(theta, 8));
        });
    }

    /** f(θ) = ½ (a θ₁² + b θ₂²), θ of shape (2). */
    static float[][] quadratic(Optimizer optimizer, float[] start, float a, float b, int steps) {
        return run(optimizer, start, steps, theta -> {
            NDArray curvature = theta.getManager().create(new float[] {a, b});
            return theta.square().mul(curvature).sum().div(EngineScalar.of(theta, 2));
        });
    }

    static float[][] run(Optimizer optimizer, float[] start, int steps, Function<NDArray, NDArray> loss) {
        float[][] out = new float[steps][];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray theta = manager.create(start);
            theta.setRequiresGradient(true);
            for (int step = 0; step < steps; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        scope.tempAttachAll(theta);
                        collector.backward(loss.apply(theta));
                    }
                    NDArray copy = theta.getGradient().duplicate();
                    optimizer.update("theta", theta, copy);
                }
                out[step] = theta.toFloatArray();
            }
        }
        return out;
    }
}
