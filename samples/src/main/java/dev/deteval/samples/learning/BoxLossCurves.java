package dev.deteval.samples.learning;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import dev.deteval.runtime.loss.CiouLoss;
import dev.deteval.runtime.loss.DiouLoss;
import dev.deteval.runtime.loss.GiouLoss;
import dev.deteval.runtime.loss.IouLoss;
import dev.deteval.runtime.loss.MeanAbsoluteErrorLoss;
import dev.deteval.runtime.tensor.EngineScalar;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detection losses on one box pair as the predicted box slides away: target [0, 0, 2, 2], prediction
 * [d, 0, d + 2, 3] (one unit taller, so CIoU's aspect term is not 0), for shifts d from 0 to 6 in steps of
 * 0.05. The boxes overlap for d &lt; 2 and are disjoint after.
 *
 * <p>For each loss of {@code dev.deteval.runtime.loss} it records the value and dL/dd, the derivative along
 * the slide (autograd's gradients for x1 and x2 added). L1 is shown per coordinate (the module's
 * {@code MeanAbsoluteErrorLoss} sums the four |Δ|, here divided by 4). The point of the picture: the IoU
 * loss is 1 with a gradient of exactly 0 once the boxes are disjoint (the clamped intersection has no
 * slope there), so it cannot say which way to move; GIoU, DIoU and CIoU keep a gradient.
 *
 * <p>Writes {@code box-loss-values.svg} and {@code box-loss-gradients.svg}.
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.BoxLossCurves}
 */
public final class BoxLossCurves {

    static final float[] TARGET = {0f, 0f, 2f, 2f};
    static final int POINTS = 121;
    static final float STEP = 0.05f;

    private BoxLossCurves() {
    }

    /** One loss along the slide: shifts d, values L(d) and derivatives dL/dd. */
    record Curve(String name, float[] shift, float[] value, float[] slope) {

        int index(float d) {
            return Math.round(d / STEP);
        }
    }

    /**
     * Computes the curves, prints a table at a few shifts and writes both plots.
     *
     * @param args optional output directory
     */
    public static void main(String[] args) {
        run(SampleOutput.directory(args, "box-losses"), System.out);
    }

    static List<Curve> run(Path dir, PrintStream out) {
        List<Curve> curves = new ArrayList<>();
        for (Map.Entry<String, Loss> e : losses().entrySet()) {
            float scale = e.getValue() instanceof MeanAbsoluteErrorLoss ? 0.25f : 1f;
            curves.add(slide(e.getKey(), e.getValue(), scale));
        }
        out.println("Target [0,0,2,2], prediction [d,0,d+2,3]: value and dL/dd");
        out.printf(Locale.ROOT, "%-18s", "d");
        for (float d : new float[] {0.5f, 1.5f, 2.5f, 4f}) {
            out.printf(Locale.ROOT, " %16s", String.format(Locale.ROOT, "%.1f", d));
        }
        out.println();
        for (Curve c : curves) {
            out.printf(Locale.ROOT, "%-18s", c.name());
            for (float d : new float[] {0.5f, 1.5f, 2.5f, 4f}) {
                int i = c.index(d);
                out.printf(Locale.ROOT, " %7.4f / %6.4f", c.value()[i], c.slope()[i]);
            }
            out.println();
        }
        out.println("Once the boxes are disjoint (d > 2) the IoU loss is 1 with slope 0: nothing tells the box which"
                + " way to move. GIoU's enclosing-box term, DIoU's centre distance and CIoU (DIoU plus aspect) still do.");
        SampleOutput.write(dir, "box-loss-values.svg", plot(curves, false));
        SampleOutput.write(dir, "box-loss-gradients.svg", plot(curves, true));
        out.println("Wrote box-loss-values.svg and box-loss-gradients.svg to " + dir.toAbsolutePath());
        return curves;
    }

    static Map<String, Loss> losses() {
        Map<String, Loss> all = new LinkedHashMap<>();
        all.put("L1 per coordinate", new MeanAbsoluteErrorLoss());
        all.put("IoU", new IouLoss());
        all.put("GIoU", new GiouLoss());
        all.put("DIoU", new DiouLoss());
        all.put("CIoU", new CiouLoss());
        return all;
    }

    private static Curve slide(String name, Loss loss, float scale) {
        float[] shift = new float[POINTS];
        float[] value = new float[POINTS];
        float[] slope = new float[POINTS];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray target = manager.create(TARGET, new Shape(1, 4));
            for (int i = 0; i < POINTS; i++) {
                float d = i * STEP;
                try (NDManager scope = manager.newSubManager()) {
                    NDArray p = scope.create(new float[] {d, 0f, d + 2f, 3f}, new Shape(1, 4));
                    p.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray l = loss.evaluate(new NDList(target), new NDList(p)).mul(EngineScalar.of(p, scale));
                        collector.backward(l);
                        value[i] = l.getFloat();
                    }
                    float[] g = p.getGradient().toFloatArray();
                    shift[i] = d;
                    slope[i] = g[0] + g[2];
                }
            }
        }
        return new Curve(name, shift, value, slope);
    }

    private static String plot(List<Curve> curves, boolean slopes) {
        SvgPlot plot = slopes
                ? new SvgPlot("dL/dd as the prediction slides right (IoU: 0 once disjoint)", 0, 6, -0.1, 0.8)
                        .axisNames("shift d", "dL/dd")
                : new SvgPlot("Box losses as the prediction slides right (disjoint for d > 2)", 0, 6, 0, 2)
                        .axisNames("shift d", "loss");
        for (Curve c : curves) {
            double[][] points = new double[POINTS][];
            for (int i = 0; i < POINTS; i++) {
                points[i] = new double[] {c.shift()[i], slopes ? c.slope()[i] : c.value()[i]};
            }
            plot.add(c.name(), points);
        }
        return plot.render();
    }
}
