package dev.deteval.eval.coco;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * COCO evaluation of boxes, masks or keypoints ({@link CocoParams#iouType()}), equal to pycocotools'
 * {@code COCOeval} ({@code evaluate()}, {@code accumulate()}, {@code summarize()}) in
 * {@link CocoMode#COMPAT} mode.
 *
 * <p>Pipeline: ground truths and detections are grouped by (category, image); per group the
 * detections are sorted by descending score (stable: ties keep input order) and cut to the largest
 * maxDets; the similarity matrix (box IoU, mask IoU or OKS) is computed once; greedy matching runs for
 * every area range and IoU threshold; the per-image outcomes are merged per category into precision/recall curves, sampled at the recall
 * thresholds into {@link PrecisionTable} (precision and scores [T,R,K,A,M], recall [T,K,A,M]); the
 * {@link CocoSummary} and the {@link CategoryMetrics} rows are means over those tables.
 *
 * <p>Categories are evaluated in parallel on the common fork-join pool unless asked otherwise; results
 * are identical bit for bit either way, because each category is computed by one thread.
 *
 * <p>Boxes are {@code [x, y, w, h]} in pixels. A detection's area is its {@link Detections#areaColumn()}
 * value ({@code w * h} unless the reader set the mask area); a ground truth's area is its {@code area}
 * field. Masks come from {@link GroundTruth#maskColumn()} and {@link Detections#maskColumn()}, keypoints
 * from {@code keypoints()} of both; keypoint ground truths with {@code num_keypoints == 0} are ignored.
 */
public final class CocoEvaluator {

    private CocoEvaluator() {
    }

    /** Evaluates with pycocotools' default parameters (compat mode). */
    public static CocoResult evaluate(GroundTruth gt, Detections dt) {
        return evaluate(gt, dt, CocoParams.defaults());
    }

    /**
     * Evaluates {@code dt} against {@code gt}, categories in parallel.
     *
     * @throws IllegalArgumentException when a detection names an image that is not in {@code gt}
     */
    public static CocoResult evaluate(GroundTruth gt, Detections dt, CocoParams params) {
        return evaluate(gt, dt, params, true);
    }

    /**
     * Evaluates {@code dt} against {@code gt}.
     *
     * @param parallel true to evaluate categories on the common fork-join pool; the numbers are the
     *     same either way
     * @throws IllegalArgumentException when a detection names an image that is not in {@code gt}
     */
    public static CocoResult evaluate(GroundTruth gt, Detections dt, CocoParams params, boolean parallel) {
        GroupIndex index = GroupIndex.build(gt, dt, params);
        int k = index.groupCategories;
        PrecisionTable.Writer writer = PrecisionTable.writer(params.iouCount(), params.recCount(), k,
                params.areaCount(), params.maxDetCount());
        CategoryEvaluation evaluation = new CategoryEvaluation(gt, dt, params, index);
        IntStream rows = IntStream.range(0, k);
        (parallel ? rows.parallel() : rows).forEach(row -> evaluation.run(row, writer));
        PrecisionTable tables = writer.done();

        long[] categoryIds = params.useCats() ? index.categoryIds : new long[] {-1};
        Summarizer summarizer = new Summarizer(params, tables);
        List<String> warnings = new ArrayList<>();
        if (index.unknownCategoryDetections > 0) {
            warnings.add(index.unknownCategoryDetections + " detection(s) name a category that is not in the ground"
                    + " truth; they are not evaluated (pycocotools drops them too)");
        }
        return new CocoResult(params, categoryIds, summary(params, summarizer),
                perCategory(gt, params, summarizer, categoryIds), tables, warnings);
    }

    static CocoSummary summary(CocoParams p, Summarizer s) {
        if (p.iouType() == IouType.KEYPOINTS) {
            return keypointSummary(p, s);
        }
        int count = p.maxDetCount();
        int largest = p.maxDet(count - 1);
        boolean compat = p.mode() == CocoMode.COMPAT;
        int headline = compat ? 100 : largest;
        int third = compat ? (count > 2 ? p.maxDet(2) : -1) : largest;
        int first = count > 0 ? p.maxDet(0) : -1;
        int second = count > 1 ? p.maxDet(1) : -1;
        return new CocoSummary(
                s.ap(null, "all", headline),
                s.ap(0.5, "all", third),
                s.ap(0.75, "all", third),
                s.ap(null, "small", third),
                s.ap(null, "medium", third),
                s.ap(null, "large", third),
                s.ar(null, "all", first),
                s.ar(null, "all", second),
                s.ar(null, "all", third),
                s.ar(null, "small", third),
                s.ar(null, "medium", third),
                s.ar(null, "large", third),
                s.ar(0.5, "all", third),
                s.ar(0.75, "all", third),
                new int[] {headline, third, third, third, third, third, first, second, third, third, third, third},
                p.iouType());
    }

    /** pycocotools' {@code _summarizeKps}: ten stats, all at maxDets = 20 (corrected mode: the largest). */
    private static CocoSummary keypointSummary(CocoParams p, Summarizer s) {
        int m = p.mode() == CocoMode.COMPAT ? 20 : p.maxDet(p.maxDetCount() - 1);
        int[] used = new int[10];
        Arrays.fill(used, m);
        return new CocoSummary(
                s.ap(null, "all", m),
                s.ap(0.5, "all", m),
                s.ap(0.75, "all", m),
                -1,
                s.ap(null, "medium", m),
                s.ap(null, "large", m),
                -1,
                -1,
                s.ar(null, "all", m),
                -1,
                s.ar(null, "medium", m),
                s.ar(null, "large", m),
                s.ar(0.5, "all", m),
                s.ar(0.75, "all", m),
                used, p.iouType());
    }

    static List<CategoryMetrics> perCategory(GroundTruth gt, CocoParams p, Summarizer s, long[] ids) {
        int largest = p.maxDet(p.maxDetCount() - 1);
        List<CategoryMetrics> rows = new ArrayList<>(ids.length);
        for (int k = 0; k < ids.length; k++) {
            Category c = gt.category(ids[k]);
            rows.add(new CategoryMetrics(ids[k], c == null ? "" : c.name(),
                    s.precisionMean(null, "all", largest, k),
                    s.precisionMean(0.5, "all", largest, k),
                    s.precisionMean(0.75, "all", largest, k),
                    s.precisionMean(null, "small", largest, k),
                    s.precisionMean(null, "medium", largest, k),
                    s.precisionMean(null, "large", largest, k),
                    s.recallMean(null, "all", largest, k)));
        }
        return rows;
    }
}
