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
import dev.deteval.runtime.loss.MeanSquaredErrorLoss;
import dev.deteval.runtime.optim.Sgd;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Batch, mini-batch and stochastic gradient descent on one linear regression, with the same learning rate
 * and the same number of epochs, hence the same number of per-sample gradient evaluations
 * ({@value #SAMPLES} × {@value #EPOCHS}); they differ only in how many samples feed each update: all
 * {@value #SAMPLES} (batch GD, {@value #EPOCHS} updates), {@value #MINI_BATCH} (mini-batch, 80 updates) or
 * 1 (SGD, 1,280 updates).
 *
 * <p>Data (seeded {@link Random}): {@value #SAMPLES} rows of {@value #FEATURES} standard normal features,
 * y = 2x₀ − x₁ + 0.5x₂ + 1.5x₃ + 1 + ε, ε ~ N(0, 0.5²). Model: DJL {@code Linear} (one output, bias) from 0;
 * loss: mean squared error; optimizer: {@code Sgd.gradientDescent(η = 0.05)}; each epoch visits the rows
 * in a new seeded order. After every update the sample records the MSE on the whole training set, so all
 * three curves measure the same thing, and compares it with the least-squares minimum (normal equations in
 * double).
 *
 * <p>Batch GD is a deterministic descent on a quadratic with a step below 1/curvature, so its loss never
 * rises, but ten updates leave it far from the minimum. SGD makes a step per sample: it is near the minimum
 * within an epoch but each step follows one noisy row, so the loss jumps up and down and never settles.
 * Mini-batches of 16 average that noise out and still take eight steps per epoch.
 *
 * <p>Writes {@code gd-variants.svg}: log₁₀ of the training MSE against epochs, one line per method and the
 * least-squares minimum.
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.GradientDescentVariants}
 */
public final class GradientDescentVariants {

    static final int SAMPLES = 128;
    static final int FEATURES = 4;
    static final float[] TRUE_WEIGHTS = {2f, -1f, 0.5f, 1.5f};
    static final float TRUE_BIAS = 1f;
    static final float NOISE = 0.5f;
    static final float RATE = 0.05f;
    static final int EPOCHS = 10;
    static final int MINI_BATCH = 16;
    static final long SEED = 11;

    private GradientDescentVariants() {
    }

    /**
     * One method's path: the training MSE before the first update and after each one.
     *
     * @param name the method
     * @param batchSize samples per update
     * @param losses {@code EPOCHS · SAMPLES / batchSize + 1} values
     */
    record Run(String name, int batchSize, float[] losses) {

        int updatesPerEpoch() {
            return SAMPLES / batchSize;
        }

        float finalLoss() {
            return losses[losses.length - 1];
        }

        /** The training MSE after {@code epochs} whole epochs. */
        float lossAfterEpochs(int epochs) {
            return losses[epochs * updatesPerEpoch()];
        }

        /** How many updates raised the training MSE. */
        int increases() {
            int rises = 0;
            for (int t = 1; t < losses.length; t++) {
                if (losses[t] > losses[t - 1]) {
                    rises++;
                }
            }
            return rises;
        }

        /** Mean of the training MSE over the values recorded during the last epoch. */
        double lastEpochMean() {
            double sum = 0;
            int from = losses.length - updatesPerEpoch();
            for (int t = from; t < losses.length; t++) {
                sum += losses[t];
            }
            return sum / updatesPerEpoch();
        }
    }

    /** The three runs and the least-squares minimum of the training MSE. */
    record Result(List<Run> runs, double minimum) {
    }

    /**
     * Runs the three methods, prints their losses and writes the plot.
     *
     * @param args optional output directory
     */
    public static void main(String[] args) {
        run(SampleOutput.directory(args, "gd-variants"), System.out);
    }

    /** Runs batch GD, mini-batch GD and SGD in that order. */
    static Result run(Path dir, PrintStream out) {
        float[][] data = data(new Random(SEED));
        double minimum = leastSquaresMinimum(data);
        List<Run> runs = List.of(
                descend("batch GD (128 per step)", SAMPLES, data),
                descend("mini-batch GD (16 per step)", MINI_BATCH, data),
                descend("SGD (1 per step)", 1, data));
        out.printf(Locale.ROOT, "y = 2 x0 - x1 + 0.5 x2 + 1.5 x3 + 1 + N(0, 0.5^2), %d rows; eta = %.2f, %d epochs"
                + " each (%d per-sample gradients)%n", SAMPLES, RATE, EPOCHS, SAMPLES * EPOCHS);
        out.printf(Locale.ROOT, "least-squares minimum of the training MSE: %.4f%n", minimum);
        out.printf(Locale.ROOT, "%-28s %8s %11s %11s %11s %15s%n", "", "updates", "MSE epoch 1", "final MSE",
                "last-epoch", "MSE rose after");
        for (Run r : runs) {
            int updates = r.losses().length - 1;
            out.printf(Locale.ROOT, "%-28s %8d %11.4f %11.4f %11.4f %7d updates%n", r.name(), updates,
                    r.lossAfterEpochs(1), r.finalLoss(), r.lastEpochMean(), r.increases());
        }
        out.println("Batch GD never goes up but takes one step per epoch; SGD is near the minimum within an epoch"
                + " and then jitters around it; mini-batches jitter less and still step eight times per epoch.");
        SampleOutput.write(dir, "gd-variants.svg", plot(runs, minimum));
        out.println("Wrote gd-variants.svg to " + dir.toAbsolutePath());
        return new Result(runs, minimum);
    }

    /** Rows of {x₀ … x₃, y}. */
    static float[][] data(Random random) {
        float[][] rows = new float[SAMPLES][FEATURES + 1];
        for (float[] row : rows) {
            float y = TRUE_BIAS;
            for (int j = 0; j < FEATURES; j++) {
                row[j] = (float) random.nextGaussian();
                y += TRUE_WEIGHTS[j] * row[j];
            }
            row[FEATURES] = y + NOISE * (float) random.nextGaussian();
        }
        return rows;
    }

    private static Run descend(String name, int batchSize, float[][] data) {
        Random order = new Random(SEED + 1);
        int updates = EPOCHS * (SAMPLES / batchSize);
        float[] losses = new float[updates + 1];
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear model = Linear.builder().setUnits(1).build();
            model.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            model.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
            model.initialize(manager, DataType.FLOAT32, new Shape(batchSize, FEATURES));
            ParameterStore store = new ParameterStore(manager, false);
            int[] all = rowsInOrder(SAMPLES);
            NDArray allX = manager.create(columns(data, all, 0, SAMPLES), new Shape(SAMPLES, FEATURES));
            NDArray allY = manager.create(targets(data, all, 0, SAMPLES), new Shape(SAMPLES, 1));
            Loss mse = new MeanSquaredErrorLoss();
            Sgd descent = Sgd.gradientDescent(RATE);
            losses[0] = trainingLoss(model, store, mse, allX, allY, manager);
            int t = 0;
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                int[] rows = shuffled(order);
                for (int start = 0; start < SAMPLES; start += batchSize) {
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray x = scope.create(columns(data, rows, start, batchSize), new Shape(batchSize, FEATURES));
                        NDArray y = scope.create(targets(data, rows, start, batchSize), new Shape(batchSize, 1));
                        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                            NDArray prediction = model.forward(store, new NDList(x), true).singletonOrThrow();
                            NDArray value = mse.evaluate(new NDList(y), new NDList(prediction));
                            scope.tempAttachAll(prediction, value);
                            collector.backward(value);
                        }
                        BlockSteps.update(model, descent, scope);
                    }
                    losses[++t] = trainingLoss(model, store, mse, allX, allY, manager);
                }
            }
        }
        return new Run(name, batchSize, losses);
    }

    private static float trainingLoss(Linear model, ParameterStore store, Loss mse, NDArray x, NDArray y,
            NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray prediction = model.forward(store, new NDList(x), false).singletonOrThrow();
            NDArray value = mse.evaluate(new NDList(y), new NDList(prediction));
            scope.tempAttachAll(prediction, value);
            return value.getFloat();
        }
    }

    private static int[] rowsInOrder(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** A Fisher–Yates shuffle of 0 … SAMPLES − 1. */
    private static int[] shuffled(Random random) {
        int[] rows = rowsInOrder(SAMPLES);
        for (int i = SAMPLES - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        return rows;
    }

    private static float[] columns(float[][] data, int[] rows, int start, int count) {
        float[] flat = new float[count * FEATURES];
        for (int i = 0; i < count; i++) {
            System.arraycopy(data[rows[start + i]], 0, flat, i * FEATURES, FEATURES);
        }
        return flat;
    }

    private static float[] targets(float[][] data, int[] rows, int start, int count) {
        float[] y = new float[count];
        for (int i = 0; i < count; i++) {
            y[i] = data[rows[start + i]][FEATURES];
        }
        return y;
    }

    /**
     * The smallest training MSE any weights and bias reach: solves the normal equations AᵀA β = Aᵀy, A the
     * features with a column of ones, by Gaussian elimination in double, and evaluates the MSE at β.
     */
    static double leastSquaresMinimum(float[][] data) {
        int k = FEATURES + 1;
        double[][] system = new double[k][k + 1];
        for (float[] row : data) {
            double[] a = augmented(row);
            for (int p = 0; p < k; p++) {
                for (int q = 0; q < k; q++) {
                    system[p][q] += a[p] * a[q];
                }
                system[p][k] += a[p] * row[FEATURES];
            }
        }
        double[] beta = solve(system);
        double sum = 0;
        for (float[] row : data) {
            double[] a = augmented(row);
            double prediction = 0;
            for (int p = 0; p < k; p++) {
                prediction += a[p] * beta[p];
            }
            sum += (prediction - row[FEATURES]) * (prediction - row[FEATURES]);
        }
        return sum / data.length;
    }

    private static double[] augmented(float[] row) {
        double[] a = new double[FEATURES + 1];
        for (int j = 0; j < FEATURES; j++) {
            a[j] = row[j];
        }
        a[FEATURES] = 1;
        return a;
    }

    /** Gauss–Jordan elimination with partial pivoting on an n × (n + 1) augmented matrix. */
    private static double[] solve(double[][] m) {
        int n = m.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double factor = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= factor * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = m[r][n] / m[r][r];
        }
        return x;
    }

    private static String plot(List<Run> runs, double minimum) {
        SvgPlot plot = new SvgPlot("Training MSE (log10) against epochs: same data, same eta, same epochs", 0, EPOCHS,
                -1, 1.5).axisNames("epoch", "log10 training MSE");
        for (Run r : runs) {
            double[][] points = new double[r.losses().length][];
            for (int t = 0; t < points.length; t++) {
                points[t] = new double[] {t / (double) r.updatesPerEpoch(), Math.log10(r.losses()[t])};
            }
            plot.add(r.name(), points);
        }
        plot.add(String.format(Locale.ROOT, "least-squares minimum %.3f", minimum),
                new double[][] {{0, Math.log10(minimum)}, {EPOCHS, Math.log10(minimum)}});
        return plot.render();
    }
}
