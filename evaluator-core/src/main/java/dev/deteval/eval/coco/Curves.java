package dev.deteval.eval.coco;

import java.util.ArrayList;
import java.util.List;

/**
 * The curves a report plots, built from results already computed (no matching of its own):
 * <ul>
 *   <li>the interpolated precision/recall curve of each category at each IoU threshold: COCO's precision
 *       table ({@link CocoResult#tables()}) at area "all" and the largest maxDets, sampled at the recall
 *       thresholds; -1 where a category has no ground truth that counts (COCO's sentinel);</li>
 *   <li>the raw precision/recall curve of each category and pooled, at the operating points' IoU
 *       threshold ({@link PrCurve});</li>
 *   <li>precision, recall and F1 against confidence at the operating points' IoU threshold, on the grid
 *       0, 0.01, …, 1 ({@link #CONFIDENCE_STEPS} + 1 points; a score above 1 counts at every point).</li>
 * </ul>
 * Immutable (the raw curves are built on first use, once, by whichever thread asks first); array accessors
 * return copies.
 */
public final class Curves {

    /** The confidence grid has this many steps from 0 to 1. */
    public static final int CONFIDENCE_STEPS = 100;

    private final double[] iouThresholds;
    private final double[] recallThresholds;
    private final long[] categoryIds;
    private final List<String> names;
    /** {@code [T][K][R]}. */
    private final double[][][] precision;
    private final double confidenceIou;
    private final ConfidenceCurve overall;
    private final List<ConfidenceCurve> perCategory;
    /** The raw curves' source: they are read from it when first asked for (the reports do not print them). */
    private final OperatingPoints points;
    /** The pooled raw curve, then one per category; null until first asked for. */
    private List<PrCurve> raw;

    private Curves(CocoResult result, OperatingPoints points) {
        CocoParams p = result.params();
        iouThresholds = p.iouThrs();
        recallThresholds = p.recThrs();
        categoryIds = result.categoryIds();
        List<String> n = new ArrayList<>();
        for (CategoryMetrics m : result.perCategory()) {
            n.add(m.name());
        }
        while (n.size() < categoryIds.length) {
            n.add("");
        }
        names = List.copyOf(n);
        int area = allArea(p);
        int maxDet = p.maxDetCount() - 1;
        PrecisionTable table = result.tables();
        precision = new double[p.iouCount()][categoryIds.length][p.recCount()];
        for (int t = 0; t < p.iouCount(); t++) {
            for (int k = 0; k < categoryIds.length; k++) {
                for (int r = 0; r < p.recCount(); r++) {
                    precision[t][k][r] = area < 0 ? -1 : table.precision(t, r, k, area, maxDet);
                }
            }
        }
        confidenceIou = points.iou();
        double[] grid = new double[CONFIDENCE_STEPS + 1];
        for (int i = 0; i <= CONFIDENCE_STEPS; i++) {
            grid[i] = (double) i / CONFIDENCE_STEPS;
        }
        List<OperatingPointTable> tables = new ArrayList<>(grid.length);
        for (double c : grid) {
            tables.add(points.at(c));
        }
        overall = curve(grid, tables, -1);
        List<ConfidenceCurve> rows = new ArrayList<>();
        for (int k = 0; k < points.categoryCount(); k++) {
            rows.add(curve(grid, tables, k));
        }
        perCategory = List.copyOf(rows);
        this.points = points;
    }

    /**
     * The curves of an evaluation and of operating points computed on the same data and parameters.
     *
     * @param result the COCO evaluation (its precision table gives the interpolated curves)
     * @param points the operating points (their IoU threshold is the one of the raw and confidence curves)
     */
    public static Curves of(CocoResult result, OperatingPoints points) {
        return new Curves(result, points);
    }

    private static int allArea(CocoParams p) {
        for (int a = 0; a < p.areaCount(); a++) {
            if (p.areaLabel(a).equals("all")) {
                return a;
            }
        }
        return p.areaCount() > 0 ? 0 : -1;
    }

    private static ConfidenceCurve curve(double[] grid, List<OperatingPointTable> tables, int k) {
        double[] pr = new double[grid.length];
        double[] rc = new double[grid.length];
        double[] f1 = new double[grid.length];
        OperatingPoint first = null;
        for (int i = 0; i < grid.length; i++) {
            OperatingPoint op = k < 0 ? tables.get(i).overall() : tables.get(i).perCategory().get(k);
            first = first == null ? op : first;
            pr[i] = op.precision();
            rc[i] = op.recall();
            f1[i] = op.f1();
        }
        return new ConfidenceCurve(first.categoryId(), first.name(), grid, pr, rc, f1);
    }

    /** The IoU thresholds of the interpolated curves, {@code [T]} (a copy). */
    public double[] iouThresholds() {
        return iouThresholds.clone();
    }

    /** The recall thresholds the interpolated curves are sampled at, {@code [R]} (a copy). */
    public double[] recallThresholds() {
        return recallThresholds.clone();
    }

    /** The category ids, {@code [K]}, in the evaluation's order (a copy); {@code [-1]} when pooled. */
    public long[] categoryIds() {
        return categoryIds.clone();
    }

    /** The category names in {@link #categoryIds()} order. */
    public List<String> categoryNames() {
        return names;
    }

    /**
     * The interpolated precision of category {@code k} at IoU threshold {@code t}, {@code [R]}: entry r is
     * the precision at recall threshold r; all -1 when the category has no ground truth that counts.
     */
    public double[] precision(int t, int k) {
        return precision[t][k].clone();
    }

    /**
     * The mean interpolated precision over the categories with ground truth at IoU threshold {@code t},
     * {@code [R]}; all -1 when no category has any. Its mean over r is the AP at that threshold.
     */
    public double[] meanPrecision(int t) {
        double[] out = new double[recallThresholds.length];
        for (int r = 0; r < out.length; r++) {
            double sum = 0;
            int n = 0;
            for (double[] row : precision[t]) {
                if (row[r] > -1) {
                    sum += row[r];
                    n++;
                }
            }
            out[r] = n == 0 ? -1 : sum / n;
        }
        return out;
    }

    /** The IoU threshold of the raw and confidence curves. */
    public double confidenceIou() {
        return confidenceIou;
    }

    /** Precision, recall and F1 against confidence, pooled over the categories (micro). */
    public ConfidenceCurve overall() {
        return overall;
    }

    /** Precision, recall and F1 against confidence, one per category in {@link #categoryIds()} order. */
    public List<ConfidenceCurve> perCategory() {
        return perCategory;
    }

    /** The raw precision/recall curve pooled over the categories. */
    public PrCurve rawOverall() {
        return raw().get(0);
    }

    /** The raw precision/recall curve of each category, in {@link #categoryIds()} order. */
    public List<PrCurve> rawPerCategory() {
        List<PrCurve> all = raw();
        return all.subList(1, all.size());
    }

    /**
     * The pooled raw curve and then each category's, built once on first use: one point per distinct score
     * of each list of counted detections (455,724 pooled at COCO's size), which no report prints.
     */
    private synchronized List<PrCurve> raw() {
        if (raw == null) {
            List<PrCurve> all = new ArrayList<>(points.categoryCount() + 1);
            all.add(points.rawCurve(-1));
            for (int k = 0; k < points.categoryCount(); k++) {
                all.add(points.rawCurve(k));
            }
            raw = List.copyOf(all);
        }
        return raw;
    }
}
