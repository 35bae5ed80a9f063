package dev.deteval.samples.learning;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.deteval.runtime.pooling.AveragePooling;
import dev.deteval.runtime.pooling.MaxPooling;
import dev.deteval.runtime.pooling.PoolWindow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Which inputs receive gradient when backpropagating through 2×2 max pooling and 2×2 average pooling
 * (stride 2, no padding) of one 4×4 input, with an upstream gradient of ones.
 *
 * <p>The input's sixteen values are distinct except for one tie: the bottom-left window holds 12 twice, and
 * its gradient goes to the first 12 in row-major order (row 2, column 1), as in PyTorch. Max pooling
 * routes each window's gradient to its maximum only, so twelve of the sixteen inputs get 0; average pooling
 * gives every input a quarter of its window's gradient.
 *
 * <p>Gradients come twice: from the hand-written backward passes of {@code dev.deteval.runtime.pooling}
 * and from DJL autograd through {@code Pool.maxPool2d}/{@code avgPool2d}; the sample prints both and their
 * largest difference. Writes {@code pooling.svg}: for each pooling the input, the output and dL/dx as cell
 * grids, a cell shaded by its magnitude (a gradient cell left white received nothing).
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.PoolingPicture}
 */
public final class PoolingPicture {

    /** The input, rows top to bottom; the tie is the two 12s of the bottom-left window. */
    static final float[][] INPUT = {
        {3, 1, 14, 10},
        {2, 7, 13, 16},
        {9, 12, 5, 4},
        {6, 12, 15, 8},
    };
    static final PoolWindow WINDOW = new PoolWindow(2, 2, 0);

    private PoolingPicture() {
    }

    /** One pooling's forward and backward: output, dL/dx by hand and dL/dx from autograd. */
    record Pass(String name, float[][] output, float[][] handGradient, float[][] autogradGradient) {

        /** The largest absolute difference between the hand-written and the autograd gradient. */
        double largestDifference() {
            double largest = 0;
            for (int r = 0; r < handGradient.length; r++) {
                for (int c = 0; c < handGradient[r].length; c++) {
                    largest = Math.max(largest, Math.abs(handGradient[r][c] - autogradGradient[r][c]));
                }
            }
            return largest;
        }
    }

    /**
     * Runs both poolings, prints the grids and writes the picture.
     *
     * @param args optional output directory
     */
    public static void main(String[] args) {
        run(SampleOutput.directory(args, "pooling"), System.out);
    }

    /** Returns {max pooling, average pooling}. */
    static Pass[] run(Path dir, PrintStream out) {
        MaxPooling max = new MaxPooling(WINDOW);
        AveragePooling average = new AveragePooling(WINDOW);
        Pass[] passes = {
            pass("max pooling", max::forward, max::backward),
            pass("average pooling", average::forward, average::backward),
        };
        out.println("Input x (4x4), 2x2 windows with stride 2, upstream gradient dL/dy = 1 everywhere:");
        print(out, INPUT);
        for (Pass p : passes) {
            out.println(p.name() + ": output y");
            print(out, p.output());
            out.println(p.name() + ": dL/dx (hand-written backward)");
            print(out, p.handGradient());
            out.printf(Locale.ROOT, "  largest difference to DJL autograd: %.1e%n", p.largestDifference());
        }
        out.println("Max pooling sends each window's gradient to its maximum alone (the first of the two 12s wins"
                + " the tie); average pooling gives every input a quarter of its window's gradient.");
        SampleOutput.write(dir, "pooling.svg", plot(passes));
        out.println("Wrote pooling.svg to " + dir.toAbsolutePath());
        return passes;
    }

    /** Forward, hand backward and autograd backward of one pooling on {@link #INPUT}. */
    private static Pass pass(String name, UnaryOperator<NDArray> forward, Backward backward) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(flatten(INPUT), new Shape(1, 1, 4, 4));
            NDArray y = forward.apply(x);
            NDArray ones = y.onesLike();
            NDArray hand = backward.apply(x, ones);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // L = Σ y·g with g = 1, so dL/dy = 1 as in the hand-written pass
                collector.backward(forward.apply(x).mul(ones).sum());
            }
            NDArray autograd = x.getGradient();
            return new Pass(name, grid(y), grid(hand), grid(autograd));
        }
    }

    /** A pooling's backward pass: (input, dL/dy) to dL/dx. */
    private interface Backward {
        NDArray apply(NDArray input, NDArray gradOutput);
    }

    private static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * rows[r].length, rows[r].length);
        }
        return flat;
    }

    /** The last two axes of a {@code (1, 1, H, W)} array as rows. */
    private static float[][] grid(NDArray array) {
        int height = Math.toIntExact(array.getShape().get(2));
        int width = Math.toIntExact(array.getShape().get(3));
        float[] flat = array.toFloatArray();
        float[][] rows = new float[height][width];
        for (int r = 0; r < height; r++) {
            System.arraycopy(flat, r * width, rows[r], 0, width);
        }
        return rows;
    }

    private static void print(PrintStream out, float[][] rows) {
        for (float[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (float v : row) {
                line.append(String.format(Locale.ROOT, " %6.2f", v));
            }
            out.println(line);
        }
    }

    /**
     * Two rows of grids, max pooling above average pooling: input (cells of 1), output (cells of 1, placed
     * level with the input's middle) and dL/dx. Values are shaded against 16 (the largest input), gradients
     * against 1 (the upstream gradient).
     */
    private static String plot(Pass[] passes) {
        SvgPlot plot = new SvgPlot("2x2 pooling, stride 2: input, output and dL/dx for dL/dy = 1", 0, 16, 0, 10)
                .withoutTicks();
        double[] tops = {9.3, 4.5};
        for (int i = 0; i < passes.length; i++) {
            Pass p = passes[i];
            double top = tops[i];
            plot.addGrid(p.name() + ": input x", toDouble(INPUT), 0.5, top, 1, 16);
            plot.addGrid(p.name() + ": output y", toDouble(p.output()), 6, top - 1, 1, 16);
            plot.addGrid(p.name() + ": dL/dx", toDouble(p.handGradient()), 10.5, top, 1, 1);
        }
        return plot.render();
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = new double[rows[r].length];
            for (int c = 0; c < rows[r].length; c++) {
                out[r][c] = rows[r][c];
            }
        }
        return out;
    }
}
