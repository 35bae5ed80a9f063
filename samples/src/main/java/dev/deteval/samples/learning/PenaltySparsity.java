package dev.deteval.samples.learning;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import dev.deteval.runtime.loss.MeanSquaredErrorLoss;
import dev.deteval.runtime.optim.Sgd;
import dev.deteval.runtime.regularization.PenalizedLoss;
import dev.deteval.runtime.regularization.Penalty;
import dev.deteval.runtime.schedule.Schedule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * L1 against L2 penalties by the sparsity of the weights they leave: one linear regression, trained three
 * times, without a penalty, with {@code Penalty.l1(λ)} and with {@code Penalty.l2(λ)} through
 * {@link PenalizedLoss}.
 *
 * <p>Data (seeded {@link Random}): {@value #SAMPLES} rows of {@value #FEATURES} standard normal features;
 * y = 3·x₀ − 2·x₁ + 1.5·x₂ + ε, ε ~ N(0, 1): three features matter and seventeen are noise. Model:
 * DJL {@code Linear} with one output and a bias (the bias is not penalized), weights starting at 0. Loss:
 * mean squared error plus the penalty, λ = {@value #LAMBDA} for both. Full-batch gradient descent with the
 * penalty's (sub)gradient from autograd, {@value #STEPS} steps, η following a half-cosine from
 * {@value #RATE} to 0.
 *
 * <p>Why the cosine: plain subgradient descent on λ·|w| does not stop at 0. Once the data gradient of an
 * irrelevant weight is smaller than λ, each step pushes the weight across 0 by up to η·(λ + |data
 * gradient|), so it zigzags around 0 in a band of that width. Letting η go to 0 shrinks the band to
 * almost nothing by the last steps (the last update has η ≈ 0.1·(π/800)²/4 ≈ 4e-7), without changing the
 * loss being minimised. A weight counts as <em>zero</em> when |w| &lt; {@value #ZERO}: far above what is left
 * of the band (the largest such L1 weight measured 4.1e-6, the same under every CPU kernel), and far below
 * the size of an irrelevant weight fitted to noise, about σ/√n ≈ 0.14 (the smallest measured: 1.5e-3
 * without a penalty, 3.6e-3 with L2). A proximal (soft-threshold) step would land on exact zeros; the
 * subgradient keeps the training on {@code PenalizedLoss} as it is.
 *
 * <p>Writes {@code penalty-weights.svg} (the weights per feature) and {@code penalty-log-weights.svg}
 * (log₁₀|w|, where the zeros show).
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.PenaltySparsity}
 */
public final class PenaltySparsity {

    static final int SAMPLES = 50;
    static final int FEATURES = 20;
    static final float[] TRUE_WEIGHTS = {3f, -2f, 1.5f};
    static final float NOISE = 1f;
    static final float LAMBDA = 0.5f;
    static final float RATE = 0.1f;
    static final int STEPS = 800;
    static final double ZERO = 1e-3;
    static final long SEED = 7;
    /** Where log₁₀|w| is drawn for a weight that is exactly 0. */
    static final double LOG_FLOOR = -8;

    private PenaltySparsity() {
    }

    /** One trained model: its weights, bias and training loss without the penalty. */
    record Fit(String name, float[] weights, float bias, float dataLoss) {

        /** How many of the weights from {@code from} on (the irrelevant ones) have |w| below {@link #ZERO}. */
        int zerosFrom(int from) {
            int zeros = 0;
            for (int j = from; j < weights.length; j++) {
                if (Math.abs(weights[j]) < ZERO) {
                    zeros++;
                }
            }
            return zeros;
        }

        /** The largest |w| among the weights from {@code from} on. */
        float largestFrom(int from) {
            float largest = 0;
            for (int j = from; j < weights.length; j++) {
                largest = Math.max(largest, Math.abs(weights[j]));
            }
            return largest;
        }

        /** The largest |w| below {@link #ZERO} among the weights from {@code from} on (0 if there is none). */
        float largestZeroFrom(int from) {
            float largest = 0;
            for (int j = from; j < weights.length; j++) {
                if (Math.abs(weights[j]) < ZERO) {
                    largest = Math.max(largest, Math.abs(weights[j]));
                }
            }
            return largest;
        }

        /** The smallest |w| among the weights from {@code from} on. */
        float smallestFrom(int from) {
            float smallest = Float.MAX_VALUE;
            for (int j = from; j < weights.length; j++) {
                smallest = Math.min(smallest, Math.abs(weights[j]));
            }
            return smallest;
        }
    }

    /**
     * Trains the three models, prints their weights and writes the plots.
     *
     * @param args optional output directory
     */
    public static void main(String[] args) {
        run(SampleOutput.directory(args, "penalty-sparsity"), System.out);
    }

    /** Returns the fits {no penalty, L2, L1}. */
    static List<Fit> run(Path dir, PrintStream out) {
        float[][] data = data(new Random(SEED));
        List<Fit> fits = List.of(
                fit("no penalty", null, data),
                fit(String.format(Locale.ROOT, "L2 lambda=%.1f", LAMBDA), Penalty.l2(LAMBDA), data),
                fit(String.format(Locale.ROOT, "L1 lambda=%.1f", LAMBDA), Penalty.l1(LAMBDA), data));
        int relevant = TRUE_WEIGHTS.length;
        out.printf(Locale.ROOT, "y = 3 x0 - 2 x1 + 1.5 x2 + N(0, 1); %d rows, %d features; %d steps of full-batch"
                + " gradient descent%n", SAMPLES, FEATURES, STEPS);
        out.printf(Locale.ROOT, "%-16s", "feature");
        for (int j = 0; j < FEATURES; j++) {
            out.printf(Locale.ROOT, " %7s", "w" + j);
        }
        out.println();
        for (Fit fit : fits) {
            out.printf(Locale.ROOT, "%-16s", fit.name());
            for (float w : fit.weights()) {
                out.printf(Locale.ROOT, " %7.4f", w);
            }
            out.println();
        }
        out.printf(Locale.ROOT, "|w| < %.0e counts as zero (irrelevant weights: w%d..w%d)%n", ZERO, relevant,
                FEATURES - 1);
        for (Fit fit : fits) {
            out.printf(Locale.ROOT, "%-16s zeros among the %d irrelevant: %2d (the largest %.1e); their |w| from"
                    + " %.1e to %.1e; training MSE %.4f%n", fit.name(), FEATURES - relevant, fit.zerosFrom(relevant),
                    fit.largestZeroFrom(relevant), fit.smallestFrom(relevant), fit.largestFrom(relevant),
                    fit.dataLoss());
        }
        out.println("L1 sets most irrelevant weights to zero (its pull lambda*sign(w) does not fade near 0);"
                + " L2's pull lambda*w fades with w, so it shrinks every weight but leaves them non-zero.");
        SampleOutput.write(dir, "penalty-weights.svg", weightPlot(fits));
        SampleOutput.write(dir, "penalty-log-weights.svg", logPlot(fits));
        out.println("Wrote penalty-weights.svg and penalty-log-weights.svg to " + dir.toAbsolutePath());
        return fits;
    }

    /** Rows of {x₀ … x₁₉, y}. */
    static float[][] data(Random random) {
        float[][] rows = new float[SAMPLES][FEATURES + 1];
        for (float[] row : rows) {
            float y = 0;
            for (int j = 0; j < FEATURES; j++) {
                row[j] = (float) random.nextGaussian();
                y += j < TRUE_WEIGHTS.length ? TRUE_WEIGHTS[j] * row[j] : 0f;
            }
            row[FEATURES] = y + NOISE * (float) random.nextGaussian();
        }
        return rows;
    }

    private static Fit fit(String name, Penalty penalty, float[][] data) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear model = Linear.builder().setUnits(1).build();
            model.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            model.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
            model.initialize(manager, DataType.FLOAT32, new Shape(SAMPLES, FEATURES));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.create(features(data), new Shape(SAMPLES, FEATURES));
            NDArray y = manager.create(targets(data), new Shape(SAMPLES, 1));
            Loss mse = new MeanSquaredErrorLoss();
            Loss loss = penalty == null ? mse : new PenalizedLoss(mse, model, penalty);
            Schedule rate = Schedule.cosine(RATE, 0f, STEPS);
            // the optimizer counts updates from 1; the schedule's step clock starts at 0
            Sgd descent = Sgd.builder(RATE).optLearningRateTracker((Tracker) t -> rate.valueAt(0, t - 1)).build();
            for (int step = 0; step < STEPS; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray prediction = model.forward(store, new NDList(x), true).singletonOrThrow();
                        NDArray value = loss.evaluate(new NDList(y), new NDList(prediction));
                        scope.tempAttachAll(prediction, value);
                        collector.backward(value);
                    }
                    BlockSteps.update(model, descent, scope);
                }
            }
            float dataLoss;
            try (NDManager scope = manager.newSubManager()) {
                NDArray prediction = model.forward(store, new NDList(x), false).singletonOrThrow();
                NDArray value = mse.evaluate(new NDList(y), new NDList(prediction));
                scope.tempAttachAll(prediction, value);
                dataLoss = value.getFloat();
            }
            float[] weights = model.getParameters().get("weight").getArray().toFloatArray();
            float bias = model.getParameters().get("bias").getArray().getFloat();
            return new Fit(name, weights, bias, dataLoss);
        }
    }

    private static float[] features(float[][] data) {
        float[] flat = new float[SAMPLES * FEATURES];
        for (int i = 0; i < SAMPLES; i++) {
            System.arraycopy(data[i], 0, flat, i * FEATURES, FEATURES);
        }
        return flat;
    }

    private static float[] targets(float[][] data) {
        float[] y = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            y[i] = data[i][FEATURES];
        }
        return y;
    }

    /** The true weights and each fit's, as markers per feature, side by side. */
    private static String weightPlot(List<Fit> fits) {
        SvgPlot plot = new SvgPlot("Learned weights per feature (features 0-2 matter, 3-19 are noise)", -0.5,
                FEATURES - 0.5, -2.5, 3.5).axisNames("feature", "weight");
        double[][] truth = new double[FEATURES][];
        for (int j = 0; j < FEATURES; j++) {
            truth[j] = new double[] {j - 0.3, j < TRUE_WEIGHTS.length ? TRUE_WEIGHTS[j] : 0};
        }
        plot.addPoints("true weights", truth);
        for (int k = 0; k < fits.size(); k++) {
            double[][] points = new double[FEATURES][];
            for (int j = 0; j < FEATURES; j++) {
                points[j] = new double[] {j - 0.1 + 0.2 * k, fits.get(k).weights()[j]};
            }
            plot.addPoints(fits.get(k).name(), points);
        }
        return plot.render();
    }

    /** log₁₀|w| per feature; exact zeros at {@link #LOG_FLOOR}; a line marks the zero threshold. */
    private static String logPlot(List<Fit> fits) {
        SvgPlot plot = new SvgPlot("log10 |w| per feature: L1 leaves zeros, L2 only shrinks", -0.5, FEATURES - 0.5,
                LOG_FLOOR, 1).axisNames("feature", "log10 |w|");
        plot.add(String.format(Locale.ROOT, "zero threshold |w| = %.0e", ZERO),
                new double[][] {{-0.5, Math.log10(ZERO)}, {FEATURES - 0.5, Math.log10(ZERO)}});
        for (int k = 0; k < fits.size(); k++) {
            List<double[]> points = new ArrayList<>();
            for (int j = 0; j < FEATURES; j++) {
                float w = Math.abs(fits.get(k).weights()[j]);
                points.add(new double[] {j - 0.2 + 0.2 * k, w == 0 ? LOG_FLOOR : Math.max(LOG_FLOOR, Math.log10(w))});
            }
            plot.addPoints(fits.get(k).name(), points.toArray(new double[0][]));
        }
        return plot.render();
    }
}
