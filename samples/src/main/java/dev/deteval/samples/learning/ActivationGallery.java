package dev.deteval.samples.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.deteval.runtime.activation.AnnealedLeakyRelu;
import dev.deteval.runtime.activation.DifferentiableActivation;
import dev.deteval.runtime.activation.LeakyRelu;
import dev.deteval.runtime.activation.Relu;
import dev.deteval.runtime.activation.Sigmoid;
import dev.deteval.runtime.activation.Tanh;
import dev.deteval.runtime.schedule.Schedule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The activations of {@code dev.deteval.runtime.activation} and their derivatives, on x from −4 to 4 in
 * steps of 0.05: tanh, sigmoid, ReLU, leaky ReLU (α = 0.1) and the workshop's "design your own", the
 * annealed leaky ReLU, shown at the start of a cosine schedule from α = 0.3 to 0 over 100 steps and
 * half-way (α = 0.15). Values come from each activation's {@code forward}, derivatives from its
 * hand-written {@code backward} with an upstream gradient of 1.
 *
 * <p>Writes {@code activations.svg} and {@code derivatives.svg}; prints f and f' at −1, 0 and 1.
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.ActivationGallery}
 */
public final class ActivationGallery {

    static final float LO = -4f;
    static final float HI = 4f;
    static final int POINTS = 161;

    private ActivationGallery() {
    }

    /** One activation sampled on the grid: f(x) and f'(x). */
    record Curve(String name, float[] x, float[] value, float[] derivative) {

        float valueAt(float at) {
            return value[index(at)];
        }

        float derivativeAt(float at) {
            return derivative[index(at)];
        }

        private int index(float at) {
            return Math.round((at - LO) / (HI - LO) * (POINTS - 1));
        }
    }

    /**
     * Samples the activations, prints a table and writes both plots.
     *
     * @param args optional output directory
     */
    public static void main(String[] args) {
        run(SampleOutput.directory(args, "activations"), System.out);
    }

    static List<Curve> run(Path dir, PrintStream out) {
        List<Curve> curves = new ArrayList<>();
        for (Map.Entry<String, DifferentiableActivation> e : activations().entrySet()) {
            curves.add(sample(e.getKey(), e.getValue()));
        }
        out.printf(Locale.ROOT, "%-38s %8s %8s %8s %8s %8s %8s%n", "", "f(-1)", "f(0)", "f(1)", "f'(-1)", "f'(0)",
                "f'(1)");
        for (Curve c : curves) {
            out.printf(Locale.ROOT, "%-38s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f%n", c.name(), c.valueAt(-1),
                    c.valueAt(0), c.valueAt(1), c.derivativeAt(-1), c.derivativeAt(0), c.derivativeAt(1));
        }
        out.println("Sigmoid's slope is at most 1/4 and tanh's at most 1, both fading to 0 away from 0 (vanishing"
                + " gradients); ReLU passes 1 or 0; the leaky forms keep a small slope for x < 0.");
        SampleOutput.write(dir, "activations.svg", plot(curves, false));
        SampleOutput.write(dir, "derivatives.svg", plot(curves, true));
        out.println("Wrote activations.svg and derivatives.svg to " + dir.toAbsolutePath());
        return curves;
    }

    static Map<String, DifferentiableActivation> activations() {
        Map<String, DifferentiableActivation> all = new LinkedHashMap<>();
        all.put("tanh", new Tanh());
        all.put("sigmoid", new Sigmoid());
        all.put("ReLU", new Relu());
        all.put("leaky ReLU a=0.1", new LeakyRelu(0.1f));
        AnnealedLeakyRelu annealed = new AnnealedLeakyRelu(Schedule.cosine(0.3f, 0f, 100));
        all.put("annealed leaky ReLU, step 0 (a=0.3)", annealed);
        AnnealedLeakyRelu halfway = new AnnealedLeakyRelu(Schedule.cosine(0.3f, 0f, 100));
        halfway.advance(0, 50);
        all.put("annealed leaky ReLU, step 50 (a=0.15)", halfway);
        return all;
    }

    private static Curve sample(String name, DifferentiableActivation activation) {
        float[] x = new float[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = LO + i * (HI - LO) / (POINTS - 1);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = manager.create(x);
            NDArray value = activation.forward(input);
            NDArray derivative = activation.backward(input, input.onesLike());
            return new Curve(name, x, value.toFloatArray(), derivative.toFloatArray());
        }
    }

    private static String plot(List<Curve> curves, boolean derivatives) {
        SvgPlot plot = derivatives
                ? new SvgPlot("Derivatives f'(x) (hand-written backward)", LO, HI, -0.1, 1.1).axisNames("x", "f'(x)")
                : new SvgPlot("Activations f(x)", LO, HI, -1.5, 4).axisNames("x", "f(x)");
        for (Curve c : curves) {
            double[][] points = new double[POINTS][];
            for (int i = 0; i < POINTS; i++) {
                points[i] = new double[] {c.x()[i], derivatives ? c.derivative()[i] : c.value()[i]};
            }
            plot.add(c.name(), points);
        }
        return plot.render();
    }
}
