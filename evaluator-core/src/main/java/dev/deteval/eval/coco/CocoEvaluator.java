package dev.deteval.eval.coco;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

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
 * <p>Categories are evaluated in parallel on the common fork-join pool unless asked otherwise, the costliest
 * first ({@link CategoryRuns}); results are identical bit for bit either way, because each category is
 * computed by one thread.
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
        return evaluate(gt, dt, params, parallel, EvaluationProgress.NONE, null);
    }

    /**
     * Evaluates {@code dt} against {@code gt}, telling {@code progress} about each category done (task
     * "evaluate", one unit per category).
     *
     * @param parallel true to evaluate categories on the common fork-join pool; the numbers are the
     *     same either way
     * @throws IllegalArgumentException when a detection names an image that is not in {@code gt}
     */
    public static CocoResult evaluate(GroundTruth gt, Detections dt, CocoParams params, boolean parallel,
            EvaluationProgress progress) {
        return evaluate(gt, dt, params, parallel, progress, null);
    }

    /**
     * Evaluates, and when {@code retained} is not null keeps there each category's outcomes and image
     * trail for {@link OutcomeTable} (the plain path keeps nothing).
     */
    static CocoResult evaluate(GroundTruth gt, Detections dt, CocoParams params, boolean parallel,
            EvaluationProgress progress, OutcomeTable.Retained retained) {
        GroupIndex index = GroupIndex.build(gt, dt, params);
        int k = index.groupCategories;
        PrecisionTable.Writer writer = PrecisionTable.writer(params.iouCount(), params.recCount(), k,
                params.areaCount(), params.maxDetCount());
        CategoryEvaluation evaluation = new CategoryEvaluation(gt, dt, params, index);
        progress.start("evaluate", k);
        int maxDet = params.maxDet(params.maxDetCount() - 1);
        if (retained == null) {
            CategoryRuns.run(index, maxDet, parallel, row -> {
                evaluation.run(row, writer);
                progress.step();
            });
        } else {
            retained.start(k, index.imageIds);
            CategoryRuns.run(index, maxDet, parallel, row -> {
                retained.keep(row, evaluation, writer);
                progress.step();
            });
        }
        PrecisionTable tables = writer.done();

        long[] categoryIds = params.useCats() ? index.categoryIds : new long[] {-1};
        return result(params, categoryIds, tables, index.unknownCategoryDetections, gt::category,
                gt.hasTextCategoryIds() ? gt::categoryIdText : id -> null, parallel);
    }

    /**
     * The result of accumulated tables: the warnings, the summary and one row per category.
     *
     * @param categoryIds the K category ids in table order ({@code {-1}} when categories are pooled)
     * @param unknownCategoryDetections detections that named a category outside the ground truth
     * @param category the ground truth's category of an id, or null
     * @param textId the id as the files wrote it when they used strings, else null
     * @param parallel whether the summary and the category rows may be computed on two threads (the common
     *     fork-join pool's worker beside the calling thread); the values are the same either way
     */
    static CocoResult result(CocoParams params, long[] categoryIds, PrecisionTable tables,
            long unknownCategoryDetections, LongFunction<Category> category, LongFunction<String> textId,
            boolean parallel) {
        List<String> warnings = new ArrayList<>();
        if (unknownCategoryDetections > 0) {
            warnings.add(unknownCategoryDetections + " detection(s) name a category that is not in the ground"
                    + " truth; they are not evaluated (pycocotools drops them too)");
        }
        String headline = CocoMetric.headlineWarning(params);
        if (headline != null) {
            warnings.add(headline);
        }
        // the summary and the category rows read the tables independently: one thread each (a Summarizer
        // each, as it keeps a scratch array), so that the end of a short run is not one thread alone
        CocoSummary[] summary = new CocoSummary[1];
        List<CategoryMetrics> rows = new ArrayList<>();
        WorkQueue.run(2, parallel, task -> {
            Summarizer summarizer = new Summarizer(params, tables);
            if (task == 0) {
                rows.addAll(perCategory(params, summarizer, categoryIds, category, textId));
            } else {
                summary[0] = summary(params, summarizer);
            }
        });
        return new CocoResult(params, categoryIds, summary[0], rows, tables, warnings);
    }

    static CocoSummary summary(CocoParams p, Summarizer s) {
        List<CocoMetric> metrics = CocoMetric.headline(p);
        return new CocoSummary(metrics, values(metrics, s, -1), p.iouType());
    }

    /** The value of each metric, over all categories ({@code category} -1) or for one table row. */
    static double[] values(List<CocoMetric> metrics, Summarizer s, int category) {
        double[] v = new double[metrics.size()];
        for (int i = 0; i < v.length; i++) {
            CocoMetric m = metrics.get(i);
            Double iou = m.allThresholds() ? null : m.iouThreshold();
            v[i] = m.recall() ? s.recallMean(iou, m.area(), m.maxDets(), category)
                    : s.precisionMean(iou, m.area(), m.maxDets(), category);
        }
        return v;
    }

    static List<CategoryMetrics> perCategory(GroundTruth gt, CocoParams p, Summarizer s, long[] ids) {
        return perCategory(p, s, ids, gt::category, gt.hasTextCategoryIds() ? gt::categoryIdText : id -> null);
    }

    private static List<CategoryMetrics> perCategory(CocoParams p, Summarizer s, long[] ids,
            LongFunction<Category> category, LongFunction<String> textId) {
        List<CocoMetric> metrics = CocoMetric.perCategory(p);
        List<CategoryMetrics> rows = new ArrayList<>(ids.length);
        for (int k = 0; k < ids.length; k++) {
            // the pooled row (useCats 0) has no category, even when one happens to have the id -1
            Category c = p.useCats() ? category.apply(ids[k]) : null;
            String text = c == null ? null : textId.apply(ids[k]);
            rows.add(new CategoryMetrics(ids[k], text, c == null ? "" : c.name(), metrics, values(metrics, s, k)));
        }
        return rows;
    }
}
