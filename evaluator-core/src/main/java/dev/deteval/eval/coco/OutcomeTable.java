package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.Arrays;

/**
 * A COCO evaluation that also keeps its match table: for every category the outcome of each detection
 * (true positive, false positive or ignored, per area range and IoU threshold, in the category's merged
 * score order), the image each detection belongs to, and per image the number of ground truths that
 * count. {@link Bootstrap} and {@link PairedComparison} re-accumulate this table with image weights;
 * nothing is matched twice.
 *
 * <p>Keeping the table is opt-in: {@link CocoEvaluator#evaluate} keeps nothing. The table costs about
 * 8 bytes per kept detection beyond what matching allocates anyway. Immutable once built.
 */
public final class OutcomeTable {

    private final CocoResult result;
    private final int images;
    private final CategoryResample[] rows;
    private final double[] imageTimes; // null when no detection has a time

    private OutcomeTable(CocoResult result, int images, CategoryResample[] rows, double[] imageTimes) {
        this.result = result;
        this.images = images;
        this.rows = rows;
        this.imageTimes = imageTimes;
    }

    /**
     * Evaluates {@code dt} against {@code gt} as {@link CocoEvaluator#evaluate(GroundTruth, Detections,
     * CocoParams, boolean)} does (the same result, bit for bit) and keeps the match table.
     *
     * @throws IllegalArgumentException when a detection names an image that is not in {@code gt}
     */
    public static OutcomeTable evaluate(GroundTruth gt, Detections dt, CocoParams params, boolean parallel) {
        Retained retained = new Retained(params.areaCount());
        CocoResult result = CocoEvaluator.evaluate(gt, dt, params, parallel, EvaluationProgress.NONE, retained);
        return new OutcomeTable(result, retained.images, retained.rows,
                dt.hasTimes() ? imageTimes(retained.imageIds, dt) : null);
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
        private int images;
        private long[] imageIds;

        Retained(int areas) {
            this.areas = areas;
        }

        void start(int categories, long[] evaluatedImages) {
            rows = new CategoryResample[categories];
            images = evaluatedImages.length;
            imageIds = evaluatedImages;
        }

        /** Matches and accumulates row {@code k} (as {@link CategoryEvaluation#run} does) and keeps it. */
        void keep(int k, CategoryEvaluation evaluation, PrecisionTable.Writer writer) {
            ImageTrail trail = new ImageTrail(areas);
            CategoryOutcomes outcomes = evaluation.match(k, trail);
            new Accumulation(evaluation.params(), k, outcomes).writeTo(writer);
            rows[k] = new CategoryResample(outcomes.rank(), outcomes.tp(), outcomes.ignored(), trail.imageOf(),
                    trail.gtImages(), trail.counted());
        }
    }
}
