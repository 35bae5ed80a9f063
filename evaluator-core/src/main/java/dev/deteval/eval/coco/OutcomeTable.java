package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.Arrays;

/**
 * A COCO evaluation that also keeps its match table: for every category the outcome of each detection
 * (true positive, false positive or ignored, per area range and IoU threshold, in the category's merged
 * score order), the image each detection belongs to, and per image the number of ground truths that
 * count. {@link Bootstrap} and {@link PairedComparison} re-accumulate this table with image weights, and
 * {@link OperatingPoints} and {@link PerImageCounts} read their counts from it; nothing is matched twice.
 *
 * <p>Keeping the table is opt-in: {@link CocoEvaluator#evaluate} keeps nothing. The table costs about
 * 16 bytes per kept detection beyond what matching allocates anyway (its image, rank and score). Immutable once built.
 */
public final class OutcomeTable {

    private final CocoResult result;
    private final int images;
    private final CategoryResample[] rows;
    private final double[][] scores;
    private final long[] imageIds;
    private final double[] imageTimes; // null when no detection has a time

    private OutcomeTable(CocoResult result, Retained retained, double[] imageTimes) {
        this.result = result;
        this.images = retained.images;
        this.rows = retained.rows;
        this.scores = retained.scores;
        this.imageIds = retained.imageIds;
        this.imageTimes = imageTimes;
    }

    /**
     * Evaluates {@code dt} against {@code gt} as {@link CocoEvaluator#evaluate(GroundTruth, Detections,
     * CocoParams, boolean)} does (the same result, bit for bit) and keeps the match table.
     *
     * @throws IllegalArgumentException when a detection names an image that is not in {@code gt}
     */
    public static OutcomeTable evaluate(GroundTruth gt, Detections dt, CocoParams params, boolean parallel) {
        return evaluate(gt, dt, params, parallel, EvaluationProgress.NONE);
    }

    /**
     * As {@link #evaluate(GroundTruth, Detections, CocoParams, boolean)}, telling {@code progress} about each
     * category done (as {@link CocoEvaluator#evaluate(GroundTruth, Detections, CocoParams, boolean,
     * EvaluationProgress)} does).
     *
     * @throws IllegalArgumentException when a detection names an image that is not in {@code gt}
     */
    public static OutcomeTable evaluate(GroundTruth gt, Detections dt, CocoParams params, boolean parallel,
            EvaluationProgress progress) {
        Retained retained = new Retained(params.areaCount());
        CocoResult result = CocoEvaluator.evaluate(gt, dt, params, parallel, progress, retained);
        return new OutcomeTable(result, retained, dt.hasTimes() ? imageTimes(retained.imageIds, dt) : null);
    }

    /** Per image (evaluation order) the largest time of its detections, NaN for an image with none. */
    private static double[] imageTimes(long[] imageIds, Detections dt) {
        IdIndex index = new IdIndex(imageIds);
        double[] out = new double[imageIds.length];
        Arrays.fill(out, Double.NaN);
        long[] images = dt.imageIdColumn();
        double[] times = dt.timeColumn();
        for (int i = 0; i < times.length; i++) {
            int image = index.of(images[i]);
            if (image >= 0 && !Double.isNaN(times[i]) && !(out[image] >= times[i])) {
                out[image] = times[i];
            }
        }
        return out;
    }

    /** Whether any detection carried a time. */
    boolean hasTimes() {
        return imageTimes != null;
    }

    /** The time of image {@code image}: the largest time among its detections; NaN when none has one. */
    double imageTime(int image) {
        return imageTimes == null ? Double.NaN : imageTimes[image];
    }

    /** The plain evaluation result. */
    public CocoResult result() {
        return result;
    }

    /** The number of images evaluated: the resampling unit's population size. */
    public int imageCount() {
        return images;
    }

    /** The number of category rows (K of the precision table). */
    int categoryRows() {
        return rows.length;
    }

    /** Category row {@code k}'s outcomes. */
    CategoryResample row(int k) {
        return rows[k];
    }

    /** The parameters of the evaluation. */
    CocoParams params() {
        return result.params();
    }

    /** The image id of image index {@code i} (the index {@link CategoryResample#imageOf()} holds). */
    long imageId(int i) {
        return imageIds[i];
    }

    /**
     * The scores of category row {@code k}'s detections in merged order (the live array; callers keep it
     * unchanged).
     */
    double[] scores(int k) {
        return scores[k];
    }

    /**
     * The row of {@code [A][T]} that matched at area {@code [0, 1e10]} and IoU threshold {@code iou} (equal
     * bit for bit) with the 100 best detections per image and category available (largest maxDets at least
     * 100), or -1 when the evaluation has no such row: then the analyses of {@link OperatingPoints} and
     * {@link PerImageCounts} cannot be read from this table.
     */
    int operatingRow(double iou) {
        CocoParams p = params();
        if (p.maxDet(p.maxDetCount() - 1) < OperatingPoints.MAX_DETS) {
            return -1;
        }
        int area = -1;
        for (int a = p.areaCount() - 1; a >= 0; a--) {
            if (p.areaLo(a) == 0 && p.areaHi(a) == 1e10) {
                area = a;
            }
        }
        int threshold = -1;
        for (int t = p.iouCount() - 1; t >= 0; t--) {
            if (p.iouThr(t) == iou) {
                threshold = t;
            }
        }
        return area < 0 || threshold < 0 ? -1 : area * p.iouCount() + threshold;
    }

    /** The area range of {@link #operatingRow} {@code row}. */
    int areaOfRow(int row) {
        return row / params().iouCount();
    }

    /** Checks that {@code other} evaluated the same images with the same parameters. */
    void requireSameImages(OutcomeTable other) {
        CocoParams a = params();
        CocoParams b = other.params();
        boolean same = other.images == images && a.mode() == b.mode() && a.iouType() == b.iouType()
                && Arrays.equals(a.iouThrs(), b.iouThrs()) && Arrays.equals(a.recThrs(), b.recThrs())
                && Arrays.equals(a.maxDets(), b.maxDets()) && Arrays.deepEquals(a.areaRng(), b.areaRng())
                && Arrays.equals(a.areaRngLbl(), b.areaRngLbl())
                && Arrays.equals(other.result.categoryIds(), result.categoryIds());
        if (!same) {
            throw new IllegalArgumentException("the two evaluations must use the same ground truth and parameters"
                    + " (images " + images + " and " + other.images + ", categories "
                    + result.categoryIds().length + " and " + other.result.categoryIds().length + ")");
        }
    }

    /** What {@link CocoEvaluator} fills when asked to keep the match table. */
    static final class Retained {
        private final int areas;
        private CategoryResample[] rows;
        private double[][] scores;
        private long[] imageIds;
        private int images;

        Retained(int areas) {
            this.areas = areas;
        }

        void start(int categories, long[] evaluatedImageIds) {
            rows = new CategoryResample[categories];
            scores = new double[categories][];
            imageIds = evaluatedImageIds;
            images = evaluatedImageIds.length;
        }

        /** Matches and accumulates row {@code k} (as {@link CategoryEvaluation#run} does) and keeps it. */
        void keep(int k, CategoryEvaluation evaluation, PrecisionTable.Writer writer) {
            ImageTrail trail = new ImageTrail(areas);
            CategoryOutcomes outcomes = evaluation.match(k, trail);
            new Accumulation(evaluation.params(), k, outcomes).writeTo(writer);
            rows[k] = new CategoryResample(outcomes.rank(), outcomes.tp(), outcomes.ignored(), trail.imageOf(),
                    trail.gtImages(), trail.counted());
            scores[k] = outcomes.score();
        }
    }
}
