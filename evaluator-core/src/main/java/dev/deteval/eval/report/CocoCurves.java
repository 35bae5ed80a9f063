package dev.deteval.eval.report;

import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.OperatingPoint;
import dev.deteval.eval.coco.OperatingPointTable;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.coco.PrecisionTable;
import dev.deteval.eval.data.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The curves of the HTML report for a COCO evaluation.
 *
 * <p>Precision against recall: COCO's interpolated precision at the R recall thresholds
 * ({@link PrecisionTable}) at area "all" (else the first area range) and maxDets 100 (else the largest),
 * one curve per category with ground truth and the mean over those categories at each recall threshold
 * (entries of -1 left out, as pycocotools' means do), at IoU 0.5 and at 0.75 when the parameters have
 * them.
 *
 * <p>Against confidence: precision, recall and F1 of {@link OperatingPoints#at(double)} at confidences
 * 0, 0.01, …, 1 (raw counts, not the interpolated curve), pooled and per category.
 */
final class CocoCurves {

    /** The confidence grid: {@code STEPS + 1} points from 0 to 1. */
    static final int STEPS = 100;

    private CocoCurves() {
    }

    /** The precision-recall charts, one per IoU threshold 0.5 and 0.75 found in the parameters. */
    static List<SvgChart> precisionRecall(CocoResult result) {
        CocoParams p = result.params();
        PrecisionTable table = result.tables();
        int area = areaAll(p);
        int m = maxDets(p);
        double[] recall = p.recThrs();
        List<CategoryMetrics> rows = result.perCategory();
        List<SvgChart> charts = new ArrayList<>();
        double[] thresholds = p.iouThrs();
        for (double iou : new double[] {0.5, 0.75}) {
            int t = indexOf(thresholds, iou);
            if (t < 0) {
                continue;
            }
            String label = Decimals.fixed(iou, 2);
            SvgChart chart = new SvgChart("pr-" + Math.round(iou * 100), "Precision against recall, IoU " + label
                    + ", area " + p.areaRngLbl()[area] + ", maxDets " + p.maxDets()[m], "recall",
                    "interpolated precision");
            double[] sum = new double[recall.length];
            int[] count = new int[recall.length];
            int k = rows.size();
            for (int ki = 0; ki < k; ki++) {
                if (table.precision(t, 0, ki, area, m) < 0) {
                    continue; // no ground truth: no curve
                }
                double[] y = new double[recall.length];
                for (int ri = 0; ri < recall.length; ri++) {
                    y[ri] = table.precision(t, ri, ki, area, m);
                    if (y[ri] > -1) {
                        sum[ri] += y[ri];
                        count[ri]++;
                    }
                }
                chart.add(name(rows.get(ki)), recall, y, false, SvgChart.colour(ki, k));
            }
            if (chart.size() > 0) {
                double[] mean = new double[recall.length];
                for (int ri = 0; ri < recall.length; ri++) {
                    mean[ri] = count[ri] == 0 ? 0 : sum[ri] / count[ri];
                }
                chart.add("mean over categories", recall, mean, true, "");
            }
            charts.add(chart);
        }
        return charts;
    }

    /**
     * Precision, recall and F1 of the pooled counts against confidence, with the best-F1 point marked; and
     * the F1 of each category against confidence.
     */
    static List<SvgChart> confidence(OperatingPoints points) {
        double[] c = new double[STEPS + 1];
        List<OperatingPointTable> at = new ArrayList<>(c.length);
        for (int i = 0; i <= STEPS; i++) {
            c[i] = (double) i / STEPS;
            at.add(points.at(c[i]));
        }
        String iou = Decimals.fixed(points.iou(), 2);
        SvgChart pooled = new SvgChart("conf-all", "All categories pooled, IoU " + iou + ", area all, maxDets "
                + OperatingPoints.MAX_DETS, "confidence threshold", "precision, recall, F1");
        double[] precision = new double[c.length];
        double[] recall = new double[c.length];
        double[] f1 = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            OperatingPoint o = at.get(i).overall();
            precision[i] = o.precision();
            recall[i] = o.recall();
            f1[i] = o.f1();
        }
        pooled.add("precision", c, precision, false, "hsl(210,65%,45%)");
        pooled.add("recall", c, recall, false, "hsl(30,80%,45%)");
        pooled.add("F1", c, f1, true, "");
        OperatingPoint best = points.bestF1().overall();
        pooled.mark("best F1 " + Decimals.fixed(best.f1(), 3) + " at confidence " + Decimals.fixed(best.confidence(), 3)
                + " (precision " + Decimals.fixed(best.precision(), 3) + ", recall " + Decimals.fixed(best.recall(), 3)
                + ")", best.confidence(), best.f1());
        int k = at.get(0).perCategory().size();
        SvgChart perCategory = new SvgChart("conf-cat", "F1 per category, IoU " + iou, "confidence threshold", "F1");
        for (int ki = 0; ki < k; ki++) {
            double[] y = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                y[i] = at.get(i).perCategory().get(ki).f1();
            }
            OperatingPoint first = at.get(0).perCategory().get(ki);
            perCategory.add(first.categoryId() < 0 ? "all" : first.categoryId() + " " + Names.cell(first.name()), c,
                    y, false, SvgChart.colour(ki, k));
        }
        return k > 1 ? List.of(pooled, perCategory) : List.of(pooled);
    }

    private static String name(CategoryMetrics row) {
        return row.id() < 0 ? "all" : row.id() + " " + Names.cell(row.name());
    }

    private static int areaAll(CocoParams p) {
        String[] labels = p.areaRngLbl();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals("all")) {
                return i;
            }
        }
        return 0;
    }

    private static int maxDets(CocoParams p) {
        int[] m = p.maxDets();
        int largest = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 100) {
                return i;
            }
            if (m[i] > m[largest]) {
                largest = i;
            }
        }
        return largest;
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i] - v) < 1e-9) {
                return i;
            }
        }
        return -1;
    }
}
