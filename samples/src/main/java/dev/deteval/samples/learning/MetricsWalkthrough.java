package dev.deteval.samples.learning;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.geometry.Box;
import dev.deteval.eval.geometry.IouVariant;
import dev.deteval.eval.metric.VocAp;
import dev.deteval.eval.voc.BoxConvention;
import dev.deteval.eval.voc.VocClassResult;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import dev.deteval.eval.voc.VocEvaluator;
import dev.deteval.eval.voc.VocParams;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The workshop's ranked-detection example (docs/metrics.md, sections 1–5) from boxes to AP, every step
 * printed: five 100×100 ground truths, five scored detections, IoU at 0.5, TP/FP in score order, the
 * precision–recall table, then 11-point AP (as voc_eval.py computes it and with exact tenths), all-point
 * AP, COCO's 101-point AP50, and the deck's 0.81 reproduced as the slip it is (recall levels never reached
 * given the last precision instead of 0).
 *
 * <p>The numbers come from evaluator-core: IoU from {@code IouVariant.IOU}, TP/FP and both VOC APs from
 * {@code VocEvaluator} (continuous boxes), the interpolations from {@code VocAp}, AP50 and the 101 sampled
 * precisions from {@code CocoEvaluator}. Only the running TP/FP counts and the precision/recall ratios are
 * computed here, to print them.
 *
 * <p>Writes {@code pr-curve.svg}: the raw precision/recall points, the interpolated envelope, the 11
 * points, COCO's 101 samples, and the deck's carried-over points.
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.MetricsWalkthrough}
 */
public final class MetricsWalkthrough {

    /** Ground truths as [x, y, w, h]. */
    static final double[][] GROUND_TRUTH = {
        {20, 20, 100, 100}, {200, 20, 100, 100}, {380, 20, 100, 100}, {20, 200, 100, 100}, {200, 200, 100, 100}
    };
    /** Detections as [x, y, w, h], in descending score order. */
    static final double[][] DETECTIONS = {
        {20, 20, 100, 100}, {210, 20, 100, 100}, {400, 250, 80, 80}, {405, 20, 100, 100}, {74, 200, 100, 100}
    };
    static final double[] SCORES = {0.9, 0.7, 0.6, 0.3, 0.2};
    static final double IOU_THRESHOLD = 0.5;

    private MetricsWalkthrough() {
    }

    /** Everything the walk-through computed. */
    record Result(double[] iou, boolean[] truePositive, double[] precision, double[] recall, double ap11VocEval,
            double ap11Tenths, double apAllPoints, double cocoAp50, double[] cocoSamples, double deckSlip,
            VocClassResult voc) {
    }

    /**
     * Prints the walk-through and writes the plot.
     *
     * @param args optional output directory
     */
    public static void main(String[] args) {
        run(SampleOutput.directory(args, "metrics"), System.out);
    }

    static Result run(Path dir, PrintStream out) {
        int n = DETECTIONS.length;
        double[] iou = new double[n];
        int[] matched = new int[n];
        for (int d = 0; d < n; d++) {
            matched[d] = -1;
            for (int g = 0; g < GROUND_TRUTH.length; g++) {
                double value = IouVariant.IOU.of(box(DETECTIONS[d]), box(GROUND_TRUTH[g]));
                if (value > iou[d]) {
                    iou[d] = value;
                    matched[d] = g;
                }
            }
        }
        out.println("Step 1. IoU of each detection (score order) with the ground truth it overlaps most; TP if >= 0.5");
        boolean[] tp = new boolean[n];
        boolean[] taken = new boolean[GROUND_TRUTH.length];
        for (int d = 0; d < n; d++) {
            tp[d] = matched[d] >= 0 && iou[d] >= IOU_THRESHOLD && !taken[matched[d]];
            if (tp[d]) {
                taken[matched[d]] = true;
            }
            out.printf(Locale.ROOT, "  d%d score %.1f  IoU %.4f  %s%n", d + 1, SCORES[d], iou[d],
                    tp[d] ? "TP (gt" + (matched[d] + 1) + ")" : "FP");
        }
        VocClassResult voc = voc();
        out.printf(Locale.ROOT, "  VocEvaluator agrees: TP = %d, FP = %d, ground truths = %d%n", voc.tp(), voc.fp(),
                voc.npos());

        double[] precision = new double[n];
        double[] recall = new double[n];
        int tps = 0;
        out.println("Step 2. Precision-recall table (running max = best precision from this detection on;"
                + " p_interp = best precision at this recall or beyond)");
        out.println("   k  TP  FP  precision  recall  running max  p_interp");
        for (int k = 0; k < n; k++) {
            tps += tp[k] ? 1 : 0;
            precision[k] = (double) tps / (k + 1);
            recall[k] = (double) tps / GROUND_TRUTH.length;
        }
        for (int k = 0; k < n; k++) {
            out.printf(Locale.ROOT, "  %2d  %2d  %2d  %9.4f  %6.2f  %11.4f  %8.4f%n", k + 1, count(tp, k + 1),
                    k + 1 - count(tp, k + 1), precision[k], recall[k], envelope(precision, k),
                    VocAp.interpolated(recall, precision, n, new double[] {recall[k]}));
        }

        double ap11VocEval = VocAp.elevenPoint(recall, precision, n);
        double ap11Tenths = VocAp.interpolated(recall, precision, n, tenths());
        double apAll = VocAp.allPoints(recall, precision, n);
        CocoResult coco = CocoEvaluator.evaluate(groundTruth(), detections(), CocoParams.defaults());
        double[] cocoSamples = new double[101];
        for (int r = 0; r < cocoSamples.length; r++) {
            cocoSamples[r] = coco.tables().precision(0, r, 0, 0, 2); // IoU 0.5, category 1, area all, maxDets 100
        }
        double deckSlip = VocAp.interpolated(append(recall, 1.0), append(precision, precision[n - 1]), n + 1,
                tenths());
        out.println("Step 3. Average precision");
        out.printf(Locale.ROOT, "  11-point, exact tenths        (5*1 + 2*0.75)/11        = %.4f%n", ap11Tenths);
        out.printf(Locale.ROOT, "  11-point as voc_eval.py does  (5*1 + 0.75)/11          = %.4f"
                + "  (its level 0.6 is 0.6000000000000001 > 3/5)%n", ap11VocEval);
        out.printf(Locale.ROOT, "  all-point (VOC2010+)          0.2*1 + 0.2*1 + 0.2*0.75 = %.4f%n", apAll);
        out.printf(Locale.ROOT, "  COCO 101-point AP50           (21 + 20 + 20*0.75)/101  = %.4f%n",
                coco.summary().ap50());
        out.printf(Locale.ROOT, "  the deck's 0.81: levels 0.7..1.0 given the last precision 0.6 instead of 0:"
                + " (5*1 + 2*0.75 + 4*0.6)/11 = %.4f%n", deckSlip);
        out.println("The detector never passes recall 0.6 (two objects are never found), so every correct AP"
                + " counts 0 beyond it.");
        SampleOutput.write(dir, "pr-curve.svg", plot(precision, recall, cocoSamples));
        out.println("Wrote pr-curve.svg to " + dir.toAbsolutePath());
        return new Result(iou, tp, precision, recall, ap11VocEval, ap11Tenths, apAll, coco.summary().ap50(),
                cocoSamples, deckSlip, voc);
    }

    private static Box box(double[] xywh) {
        return new Box(xywh[0], xywh[1], xywh[0] + xywh[2], xywh[1] + xywh[3]);
    }

    private static int count(boolean[] flags, int upTo) {
        int c = 0;
        for (int i = 0; i < upTo; i++) {
            c += flags[i] ? 1 : 0;
        }
        return c;
    }

    /** The running maximum of precision from the right, read at k: the interpolated precision at recall_k. */
    private static double envelope(double[] precision, int k) {
        double best = 0;
        for (int i = k; i < precision.length; i++) {
            best = Math.max(best, precision[i]);
        }
        return best;
    }

    static double[] tenths() {
        double[] t = new double[11];
        for (int k = 0; k <= 10; k++) {
            t[k] = k / 10.0;
        }
        return t;
    }

    private static double[] append(double[] values, double last) {
        double[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }

    private static VocClassResult voc() {
        VocDataset.Builder gt = VocDataset.builder();
        int image = gt.addImage("000001");
        for (double[] g : GROUND_TRUTH) {
            gt.addObject(image, "object", g[0], g[1], g[0] + g[2], g[1] + g[3], false);
        }
        VocDataset dataset = gt.build();
        VocDetections.Builder dt = VocDetections.builder(dataset);
        for (int d = 0; d < DETECTIONS.length; d++) {
            double[] b = DETECTIONS[d];
            dt.add("000001", "object", SCORES[d], b[0], b[1], b[0] + b[2], b[1] + b[3]);
        }
        VocParams params = VocParams.defaults().withBoxConvention(BoxConvention.CONTINUOUS);
        return VocEvaluator.evaluate(dataset, dt.build(), params).classResult("object");
    }

    private static GroundTruth groundTruth() {
        GroundTruth.Builder gt = GroundTruth.builder().addImage(1).addCategory(1, "object");
        for (int g = 0; g < GROUND_TRUTH.length; g++) {
            double[] b = GROUND_TRUTH[g];
            gt.addAnnotation(g + 1, 1, 1, b[0], b[1], b[2], b[3], b[2] * b[3], false, false);
        }
        return gt.build();
    }

    private static Detections detections() {
        Detections.Builder dt = Detections.builder();
        for (int d = 0; d < DETECTIONS.length; d++) {
            double[] b = DETECTIONS[d];
            dt.add(1, 1, b[0], b[1], b[2], b[3], SCORES[d]);
        }
        return dt.build();
    }

    private static String plot(double[] precision, double[] recall, double[] cocoSamples) {
        int n = precision.length;
        double[][] raw = new double[n][];
        for (int k = 0; k < n; k++) {
            raw[k] = new double[] {recall[k], precision[k]};
        }
        // the envelope as a step line: at each recall level the best precision at that recall or beyond
        double[][] envelope = new double[2 * n + 2][];
        double from = 0;
        int e = 0;
        for (int k = 0; k < n; k++) {
            double p = envelope(precision, k);
            envelope[e++] = new double[] {from, p};
            envelope[e++] = new double[] {recall[k], p};
            from = recall[k];
        }
        envelope[e++] = new double[] {from, 0};
        envelope[e] = new double[] {1, 0};
        double[] levels = tenths();
        double[][] eleven = new double[levels.length][];
        double[][] slip = new double[4][];
        for (int k = 0; k < levels.length; k++) {
            eleven[k] = new double[] {levels[k], VocAp.interpolated(recall, precision, n, new double[] {levels[k]})};
            if (k >= 7) {
                slip[k - 7] = new double[] {levels[k], precision[n - 1]};
            }
        }
        double[][] coco = new double[cocoSamples.length][];
        for (int r = 0; r < coco.length; r++) {
            coco[r] = new double[] {r / 100.0, cocoSamples[r]};
        }
        return new SvgPlot("Workshop example: precision-recall and its interpolations", 0, 1, 0, 1.05)
                .axisNames("recall", "precision")
                .add("envelope (all-point AP = area)", envelope)
                .add("COCO 101 samples (AP50 = mean)", coco)
                .addPoints("raw, after each detection", raw)
                .addPoints("11 points (exact tenths)", eleven)
                .addPoints("deck's slip: 0.6 at 0.7..1.0", slip)
                .render();
    }
}
