package dev.deteval.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.Function;

/** Central finite differences of {@code sum(f(x) * g)} with respect to {@code x}, for gradient checks. */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /**
     * The gradient of {@code sum(f(x) * g)} by central differences with step 1e-6, in float64 on purpose
     * (float32 would lose the digits).
     *
     * @param x the input values, in {@code inputShape}
     * @param g the weights of the outputs, in {@code outputShape}
     */
    public static double[] central(Function<NDArray, NDArray> f, double[] x, Shape inputShape, double[] g,
            Shape outputShape) {
        double h = 1e-6;
        double[] out = new double[x.length];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray gradOutput = manager.create(g, outputShape);
            for (int i = 0; i < x.length; i++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                try (NDManager step = manager.newSubManager()) {
                    double lossUp = f.apply(step.create(up, inputShape)).mul(gradOutput).sum().getDouble();
                    double lossDown = f.apply(step.create(down, inputShape)).mul(gradOutput).sum().getDouble();
                    out[i] = (lossUp - lossDown) / (2 * h);
                }
            }
        }
        return out;
    }
}
