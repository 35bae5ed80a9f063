package dev.deteval.samples.learning;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import dev.deteval.runtime.optim.AdaGrad;
import dev.deteval.runtime.optim.Adam;
import dev.deteval.runtime.optim.RmsProp;
import dev.deteval.runtime.optim.Sgd;
import dev.deteval.runtime.tensor.EngineScalar;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Five optimizers racing on the workshop's non-convex f(x) = cos(3πx)/x and on the saddle
 * f(x, y) = x² − y², with gradients from DJL autograd and updates from {@code dev.deteval.runtime.optim}.
 *
 * <p>cos(3πx)/x has a pole at x = 0, so the race starts at x = 0.6 (f ≈ 1.35, on the slope down to the
 * local minimum near x ≈ 0.30, f ≈ −3.17) and its learning rates keep every run inside (0.1, 3]; a run that
 * left that interval would stop early and say so. The saddle race starts at (1, 0.001): x falls to the
 * saddle point, and y, whose gradient −2y is tiny there, must grow to escape. Every optimizer uses η =
 * 0.01 on the saddle.
 *
 * <p>A third race shows a local minimum that plain gradient descent cannot leave: the rippled bowl
 * f(x) = x²/2 + (1 − cos 6x)/2 from x = 2.5, 150 steps. GD (η = 0.01) settles in the ripple at x ≈ 1.97
 * (f ≈ 2.07); momentum (η = 0.01, γ = 0.9) keeps the speed gained on the bowl and crosses the ripples to
 * the global minimum at 0; Adam (η = 0.25) also passes it. (On cos(3πx)/x the wells are too deep for that:
 * from any start every optimizer here ends in the nearest one.)
 *
 * <p>Writes {@code cosine.csv}, {@code ripples.csv} (optimizer,step,x,f), {@code saddle.csv}
 * (optimizer,step,x,y,f) and an SVG plot of each to the output directory (first argument, default
 * {@code samples/target/optimizer-race}).
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.OptimizerRace}
 */
public final class OptimizerRace {

    static final int STEPS = 60;
    static final float COSINE_START = 0.6f;
    static final float[] SADDLE_START = {1f, 0.001f};
    static final float RIPPLE_START = 2.5f;
    static final int RIPPLE_STEPS = 150;

    private OptimizerRace() {}

    /** An optimizer's name and a factory for a fresh instance (optimizers keep per-parameter state). */
    record Racer(String name, Supplier<Optimizer> optimizer) {}

    /** One run: the positions θ₀ … θ_T (each of the function's dimension) and f at each. */
    record Trajectory(String optimizer, List<float[]> positions, List<Float> values) {}

    static List<Racer> cosineRacers() {
        return List.of(
                new Racer("GD eta=0.002", () -> Sgd.gradientDescent(0.002f)),
                new Racer("momentum eta=0.002 gamma=0.9", () -> Sgd.builder(0.002f).optMomentum(0.9f).build()),
                new Racer("AdaGrad eta=0.05", () -> AdaGrad.builder(0.05f).build()),
                new Racer("RMSProp eta=0.01", () -> RmsProp.builder(0.01f).build()),
                new Racer("Adam eta=0.02", () -> Adam.builder(0.02f).build()));
    }

    /** The local-minimum race: GD's rate is small enough to be stable, the others are tuned to their scale. */
    static List<Racer> rippleRacers() {
        return List.of(
                new Racer("GD eta=0.01", () -> Sgd.gradientDescent(0.01f)),
                new Racer("momentum eta=0.01 gamma=0.9", () -> Sgd.builder(0.01f).optMomentum(0.9f).build()),
                new Racer("AdaGrad eta=0.5", () -> AdaGrad.builder(0.5f).build()),
                new Racer("RMSProp eta=0.05", () -> RmsProp.builder(0.05f).build()),
                new Racer("Adam eta=0.25", () -> Adam.builder(0.25f).build()));
    }

    static List<Racer> saddleRacers() {
        return List.of(
                new Racer("GD", () -> Sgd.gradientDescent(0.01f)),
                new Racer("momentum gamma=0.9", () -> Sgd.builder(0.01f).optMomentum(0.9f).build()),
                new Racer("AdaGrad", () -> AdaGrad.builder(0.01f).build()),
                new Racer("RMSProp", () -> RmsProp.builder(0.01f).build()),
                new Racer("Adam", () -> Adam.builder(0.01f).build()));
    }

    /**
     * Runs both races.
     *
     * @param args optional output directory
     * @throws IOException if the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        run(SampleOutput.directory(args, "optimizer-race"), System.out);
    }

    /**
     * Runs the three races, writes their CSV and SVG files into {@code dir} and prints a summary; returns
     * {cosine, saddle, ripples}.
     */
    static List<List<Trajectory>> run(Path dir, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        List<Trajectory> cosine = new ArrayList<>();
        for (Racer racer : cosineRacers()) {
            cosine.add(descend(racer, new float[] {COSINE_START}, OptimizerRace::cosineOverX, STEPS,
                    OptimizerRace::insideCosineDomain));
        }
        List<Trajectory> saddle = new ArrayList<>();
        for (Racer racer : saddleRacers()) {
            saddle.add(descend(racer, SADDLE_START, OptimizerRace::saddle, STEPS, x -> true));
        }
        List<Trajectory> ripples = new ArrayList<>();
        for (Racer racer : rippleRacers()) {
            ripples.add(descend(racer, new float[] {RIPPLE_START}, OptimizerRace::ripples, RIPPLE_STEPS, x -> true));
        }
        SampleOutput.write(dir, "ripples.csv", csv("optimizer,step,x,f", ripples));
        SampleOutput.write(dir, "ripples.svg", ripplePlot(ripples));
        SampleOutput.write(dir, "cosine.csv", csv("optimizer,step,x,f", cosine));
        SampleOutput.write(dir, "saddle.csv", csv("optimizer,step,x,y,f", saddle));
        SampleOutput.write(dir, "cosine.svg", cosinePlot(cosine));
        SampleOutput.write(dir, "saddle.svg", saddlePlot(saddle));
        out.printf("f(x) = cos(3 pi x)/x from x = %.2f, %d steps:%n", COSINE_START, STEPS);
        for (Trajectory t : cosine) {
            out.printf(Locale.ROOT, "  %-30s x = %.4f  f = %.4f%s%n", t.optimizer(), last(t)[0], lastValue(t),
                    t.positions().size() <= STEPS ? "  (left (0.1, 3], stopped)" : "");
        }
        out.printf("f(x, y) = x^2 - y^2 from (%.0f, %.3f), eta = 0.01, %d steps:%n", SADDLE_START[0], SADDLE_START[1], STEPS);
        for (Trajectory t : saddle) {
            out.printf(Locale.ROOT, "  %-30s x = %.4f  y = %.4f  f = %.4f%n", t.optimizer(), last(t)[0], last(t)[1],
                    lastValue(t));
        }
        out.printf(Locale.ROOT, "f(x) = x^2/2 + (1 - cos 6x)/2 from x = %.1f, %d steps:%n", RIPPLE_START, RIPPLE_STEPS);
        for (Trajectory t : ripples) {
            out.printf(Locale.ROOT, "  %-30s x = %.4f  f = %.4f%n", t.optimizer(), last(t)[0], lastValue(t));
        }
        out.println("Plain GD stops in the first ripple's minimum (x = 1.97, f = 2.07); momentum carries its"
                + " velocity over the ripples to the global minimum at 0, Adam gets past it too.");
        out.println("Wrote cosine, saddle and ripples .csv and .svg to " + dir.toAbsolutePath());
        return List.of(cosine, saddle, ripples);
    }

    static NDArray cosineOverX(NDArray x) {
        return x.mul(EngineScalar.of(x, (float) (3 * Math.PI))).cos().div(x).sum();
    }

    /** x²/2 + (1 − cos 6x)/2: a bowl with ripples; local minima near ±0.99, ±1.97, ±2.92, global at 0. */
    static NDArray ripples(NDArray x) {
        NDArray half = EngineScalar.of(x, 0.5f);
        return x.square().mul(half).add(x.mul(EngineScalar.of(x, 6f)).cos().neg().add(1f).mul(half)).sum();
    }

    static NDArray saddle(NDArray p) {
        return p.square().mul(p.getManager().create(new float[] {1f, -1f}).duplicate()).sum();
    }

    /** Follows the racer's optimizer for {@code steps} steps, or until the first coordinate leaves {@code inside}. */
    static Trajectory descend(Racer racer, float[] start, Function<NDArray, NDArray> f, int steps,
            Predicate<Float> inside) {
        Optimizer optimizer = racer.optimizer().get();
        List<float[]> positions = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray theta = manager.create(start);
            theta.setRequiresGradient(true);
            for (int step = 0; step <= steps; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    scope.tempAttachAll(theta);
                    float value;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y = f.apply(theta);
                        value = y.getFloat();
                        collector.backward(y);
                    }
                    positions.add(theta.toFloatArray());
                    values.add(value);
                    if (step == steps || !inside.test(theta.toFloatArray()[0])) {
                        break;
                    }
                    optimizer.update("theta", theta, theta.getGradient().duplicate());
                }
            }
        }
        return new Trajectory(racer.name(), positions, values);
    }

    private static boolean insideCosineDomain(Float x) {
        return x > 0.1f && x <= 3f;
    }

    private static String csv(String header, List<Trajectory> runs) {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (Trajectory t : runs) {
            for (int step = 0; step < t.positions().size(); step++) {
                text.append(t.optimizer()).append(',').append(step);
                for (float coordinate : t.positions().get(step)) {
                    text.append(',').append(coordinate);
                }
                text.append(',').append(t.values().get(step)).append('\n');
            }
        }
        return text.toString();
    }

    private static String cosinePlot(List<Trajectory> runs) {
        SvgPlot plot = new SvgPlot("f(x) = cos(3 pi x)/x and the optimizers' steps", 0.2, 1.2, -3.5, 2.5);
        double[][] curve = new double[201][];
        for (int i = 0; i <= 200; i++) {
            double x = 0.2 + i * 0.005;
            curve[i] = new double[] {x, Math.cos(3 * Math.PI * x) / x};
        }
        plot.add("f", curve);
        for (Trajectory t : runs) {
            double[][] points = new double[t.positions().size()][];
            for (int i = 0; i < points.length; i++) {
                points[i] = new double[] {t.positions().get(i)[0], t.values().get(i)};
            }
            plot.add(t.optimizer(), points);
        }
        return plot.render();
    }

    private static String ripplePlot(List<Trajectory> runs) {
        SvgPlot plot = new SvgPlot("x^2/2 + (1 - cos 6x)/2 from x = 2.5: GD stalls, momentum and Adam escape", -1.5,
                3, 0, 5).axisNames("x", "f(x)");
        double[][] curve = new double[226][];
        for (int i = 0; i < curve.length; i++) {
            double x = -1.5 + i * 0.02;
            curve[i] = new double[] {x, x * x / 2 + (1 - Math.cos(6 * x)) / 2};
        }
        plot.add("f", curve);
        for (Trajectory t : runs) {
            double[][] points = new double[t.positions().size()][];
            for (int i = 0; i < points.length; i++) {
                points[i] = new double[] {t.positions().get(i)[0], t.values().get(i)};
            }
            plot.addPoints(t.optimizer(), points);
        }
        return plot.render();
    }

    private static String saddlePlot(List<Trajectory> runs) {
        SvgPlot plot = new SvgPlot("x^2 - y^2: paths in the (x, y) plane", -0.2, 1.1, -0.1, 1.0);
        for (Trajectory t : runs) {
            double[][] points = new double[t.positions().size()][];
            for (int i = 0; i < points.length; i++) {
                points[i] = new double[] {t.positions().get(i)[0], t.positions().get(i)[1]};
            }
            plot.add(t.optimizer(), points);
        }
        return plot.render();
    }

    private static float[] last(Trajectory t) {
        return t.positions().get(t.positions().size() - 1);
    }

    private static float lastValue(Trajectory t) {
        return t.values().get(t.values().size() - 1);
    }
}
