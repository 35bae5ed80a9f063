package dev.deteval.samples.learning;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.deteval.runtime.activation.LeakyRelu;
import dev.deteval.runtime.loss.DiscriminatorLoss;
import dev.deteval.runtime.loss.GeneratorLoss;
import dev.deteval.runtime.loss.MeanSquaredErrorLoss;
import dev.deteval.runtime.optim.Adam;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * An explicit loss against a learned one: a generator that turns Gaussian noise into samples of a
 * two-mode 1-D mixture, trained once with L2 and once as a GAN.
 *
 * <p>Target: ½ N(−2, 0.2²) + ½ N(2, 0.2²). Generator: noise z ~ N(0, I₂) → Linear 32 → tanh → Linear 32
 * → tanh → Linear 1. The L2 fit minimises (G(z) − x)² with x a real sample drawn independently of z;
 * the best such G is the mean E[x] = 0 for every z, a point where the data has no mass. The GAN trains a
 * discriminator (Linear 32 → leaky ReLU 0.2 → Linear 32 → leaky ReLU → Linear 1, logits) with
 * {@link DiscriminatorLoss} and the generator with {@link GeneratorLoss#nonSaturating()}, alternating
 * one step each, Adam η = 2e-3, β₁ = 0.5, batches of 128. All data, noise and initial weights come from
 * {@link java.util.Random} with fixed seeds, so every CPU starts from the same numbers; the engine runs
 * one thread (samples/pom.xml).
 *
 * <p>Measured on 2,000 generated against 2,000 fresh real samples: the share within 3σ = 0.6 of each
 * mode (the target has 0.499 of its mass at each) and the 1-Wasserstein distance (the mean distance a
 * generated sample must move to match the real ones; the L2 fit's is about 2, the distance from 0 to a
 * mode). Writes
 * {@code gan-mixture.svg} (target density, L2 samples, GAN samples as histograms).
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.GanMixture}
 */
public final class GanMixture {

    static final float[] MODES = {-2f, 2f};
    static final float SIGMA = 0.2f;
    static final float RADIUS = 3 * SIGMA;
    static final int STEPS = 1500;
    static final int BATCH = 128;
    static final int NOISE = 2;
    static final int EVALUATION_SAMPLES = 2000;
    static final long SEED = 3;

    private GanMixture() {
    }

    /** One trained generator's samples and statistics against the target. */
    record Fit(String name, float[] samples, double wasserstein, double[] modeShares) {

        double nearEitherMode() {
            return modeShares[0] + modeShares[1];
        }
    }

    /** The two fits and the real samples they were measured against. */
    record Result(Fit l2, Fit gan, float[] real) {
    }

    /**
     * Trains both generators, prints the statistics and writes the plot.
     *
     * @param args optional output directory
     */
    public static void main(String[] args) {
        run(SampleOutput.directory(args, "gan-mixture"), System.out, STEPS, SEED);
    }

    static Result run(Path dir, PrintStream out, int steps, long seed) {
        Random data = new Random(seed);
        float[] real = mixture(data, EVALUATION_SAMPLES);
        Fit l2 = measure("L2 (explicit)", l2Fit(steps, seed), real);
        Fit gan = measure("GAN (learned)", ganFit(steps, seed), real);
        out.printf(Locale.ROOT, "Target: 1/2 N(-2, 0.2^2) + 1/2 N(2, 0.2^2); %d steps, batch %d, seed %d%n", steps,
                BATCH, seed);
        out.printf(Locale.ROOT, "%-14s %9s %9s %9s %9s %9s%n", "", "mean", "std", "near -2", "near +2", "W1");
        for (Fit fit : new Fit[] {l2, gan}) {
            out.printf(Locale.ROOT, "%-14s %9.3f %9.3f %9.3f %9.3f %9.3f%n", fit.name(), mean(fit.samples()),
                    std(fit.samples()), fit.modeShares()[0], fit.modeShares()[1], fit.wasserstein());
        }
        out.println("L2 regresses every noise value onto the mean of the data (0), where there is no data;"
                + " the discriminator's loss rewards samples that look real, so the GAN puts them on both modes.");
        SampleOutput.write(dir, "gan-mixture.svg", plot(real, l2, gan));
        out.println("Wrote gan-mixture.svg to " + dir.toAbsolutePath());
        return new Result(l2, gan, real);
    }

    static Fit measure(String name, float[] samples, float[] real) {
        return new Fit(name, samples, MixtureStatistics.wasserstein1(samples, real),
                MixtureStatistics.sharesNear(samples, MODES, RADIUS));
    }

    /** {@code n} draws from the target mixture. */
    static float[] mixture(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = MODES[random.nextInt(MODES.length)] + SIGMA * (float) random.nextGaussian();
        }
        return x;
    }

    private static float[] gaussian(Random random, int n) {
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    static Block generator() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(32).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(1).build());
    }

    static Block discriminator() {
        Block leaky = new LeakyRelu(0.2f).asBlock();
        return new SequentialBlock()
                .add(Linear.builder().setUnits(32).build())
                .add(leaky)
                .add(Linear.builder().setUnits(32).build())
                .add(leaky)
                .add(Linear.builder().setUnits(1).build());
    }

    private static void initialize(Block block, NDManager manager, long seed, long inputs) {
        block.setInitializer(new SeededInitializer(seed), Parameter.Type.WEIGHT);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, inputs));
    }

    /** The generator trained with L2 against independent real samples; returns its evaluation samples. */
    static float[] l2Fit(int steps, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        Random random = new Random(seed + 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block g = generator();
            initialize(g, manager, seed + 2, NOISE);
            ParameterStore store = new ParameterStore(manager, false);
            Optimizer adam = adam();
            Loss l2 = new MeanSquaredErrorLoss();
            for (int step = 0; step < steps; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray z = scope.create(gaussian(random, BATCH * NOISE), new Shape(BATCH, NOISE));
                    NDArray x = scope.create(mixture(random, BATCH), new Shape(BATCH, 1));
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray fake = g.forward(store, new NDList(z), true).singletonOrThrow();
                        collector.backward(l2.evaluate(new NDList(x), new NDList(fake)));
                    }
                    BlockSteps.update(g, adam, scope);
                }
            }
            return sample(g, store, manager, random);
        }
    }

    /** The generator trained against a discriminator; returns its evaluation samples. */
    static float[] ganFit(int steps, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        Random random = new Random(seed + 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block g = generator();
            Block d = discriminator();
            initialize(g, manager, seed + 4, NOISE);
            initialize(d, manager, seed + 5, 1);
            ParameterStore store = new ParameterStore(manager, false);
            Optimizer adamG = adam();
            Optimizer adamD = adam();
            Loss dLoss = new DiscriminatorLoss();
            Loss gLoss = GeneratorLoss.nonSaturating();
            for (int step = 0; step < steps; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.create(mixture(random, BATCH), new Shape(BATCH, 1));
                    NDArray z = scope.create(gaussian(random, BATCH * NOISE), new Shape(BATCH, NOISE));
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray fake = g.forward(store, new NDList(z), true).singletonOrThrow().stopGradient();
                        NDArray onReal = d.forward(store, new NDList(x), true).singletonOrThrow();
                        NDArray onFake = d.forward(store, new NDList(fake), true).singletonOrThrow();
                        collector.backward(dLoss.evaluate(new NDList(), new NDList(onReal, onFake)));
                    }
                    BlockSteps.update(d, adamD, scope);
                    NDArray z2 = scope.create(gaussian(random, BATCH * NOISE), new Shape(BATCH, NOISE));
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray fake = g.forward(store, new NDList(z2), true).singletonOrThrow();
                        NDArray onFake = d.forward(store, new NDList(fake), true).singletonOrThrow();
                        collector.backward(gLoss.evaluate(new NDList(), new NDList(onFake)));
                    }
                    BlockSteps.update(g, adamG, scope);
                    // the generator step also reached the discriminator's weights: discard that gradient
                    BlockSteps.clearGradients(d, scope);
                }
            }
            return sample(g, store, manager, random);
        }
    }

    private static Optimizer adam() {
        return Adam.builder(2e-3f).optBeta1(0.5f).build();
    }

    private static float[] sample(Block g, ParameterStore store, NDManager manager, Random random) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray z = scope.create(gaussian(random, EVALUATION_SAMPLES * NOISE), new Shape(EVALUATION_SAMPLES, NOISE));
            return g.forward(store, new NDList(z), false).singletonOrThrow().toFloatArray();
        }
    }

    static double mean(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    static double std(float[] x) {
        double m = mean(x);
        double sum = 0;
        for (float v : x) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / x.length);
    }

    private static String plot(float[] real, Fit l2, Fit gan) {
        SvgPlot plot = new SvgPlot("Two-mode target: L2 fit vs GAN (histograms, density)", -3.5, 3.5, 0, 2.5)
                .axisNames("x", "density");
        plot.add("target (real samples)", MixtureStatistics.densityOutline(real, -3.5, 3.5, 70));
        plot.add(String.format(Locale.ROOT, "L2 fit, W1 %.2f", l2.wasserstein()),
                MixtureStatistics.densityOutline(l2.samples(), -3.5, 3.5, 70));
        plot.add(String.format(Locale.ROOT, "GAN, W1 %.2f", gan.wasserstein()),
                MixtureStatistics.densityOutline(gan.samples(), -3.5, 3.5, 70));
        return plot.render();
    }
}
