package dev.deteval.eval.coco;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * LVIS evaluation of boxes or masks, equal to lvis-api's {@code LVISEval(gt, dt, "bbox")} or
 * {@code LVISEval(gt, dt, "segm")} and {@code run()} (results loaded with its default cap of 300 detections
 * per image). It runs COCO's matcher and accumulator
 * ({@link CocoEvaluator}'s machinery, with pycocotools' default IoU and recall thresholds and area ranges)
 * on the rows LVIS's federated rules select:
 *
 * <ol>
 *   <li>per image, only the 300 highest-scoring detections (ties in input order), counted before any
 *       other filter;
 *   <li>ground truths count only with {@code area > 0}; a category is positive for an image when one of
 *       its ground truths there counts;
 *   <li>a detection is evaluated only when its category is known, its area ({@code w*h}) is above 0 and its
 *       category is positive for its image or in the image's negative list;
 *   <li>an evaluated detection that matches nothing (per IoU threshold) is ignored, not a false positive,
 *       when its category is in the image's not-exhaustive list;
 *   <li>no crowd; a ground truth's {@code ignore} flag is honoured; no per-category detection limit.
 * </ol>
 *
 * <p>Summary: means over the precision [T,R,K,A] and recall [T,K,A] entries above -1, with numpy's
 * summation; APr/APc/APf take the categories of one {@link Frequency} group. A category without ground
 * truth that counts is -1 and left out of every mean. Categories are evaluated in parallel unless asked
 * otherwise; the numbers are identical either way.
 */
public final class LvisEvaluator {

    /** The most detections per image lvis-api keeps (its {@code LVISResults} default). */
    public static final int MAX_DETS_PER_IMAGE = 300;

    private LvisEvaluator() {
    }

    /** The COCO machinery's parameters for LVIS: pycocotools' defaults with the one limit of 300. */
    static CocoParams params() {
        return params(IouType.BBOX);
    }

    private static CocoParams params(IouType type) {
        return CocoParams.builder(CocoMode.COMPAT).optIouType(type).optMaxDets(MAX_DETS_PER_IMAGE).build();
    }

    /**
     * Evaluates the boxes of {@code dt} against {@code gt}, categories in parallel.
     *
     * @throws IllegalArgumentException when a detection names an image that is not in {@code gt}
     */
    public static LvisResult evaluate(LvisGroundTruth gt, Detections dt) {
        return evaluate(gt, dt, IouType.BBOX, true);
    }

    /**
     * Evaluates the boxes of {@code dt} against {@code gt}.
     *
     * @param parallel true to evaluate categories on the common fork-join pool; the numbers are the same
     * @throws IllegalArgumentException when a detection names an image that is not in {@code gt}
     */
    public static LvisResult evaluate(LvisGroundTruth gt, Detections dt, boolean parallel) {
        return evaluate(gt, dt, IouType.BBOX, parallel);
    }

    /**
     * Evaluates {@code dt} against {@code gt} comparing boxes ({@link IouType#BBOX}: lvis-api's
     * {@code "bbox"}) or masks ({@link IouType#SEGM}: {@code "segm"}, every ground truth and detection with a
     * mask). A detection's area (for the area ranges and the {@code area > 0} rule) is its area column: for
     * boxes {@code w*h}; for masks as the COCO reader sets it, which is what lvis-api's {@code LVISResults}
     * does too (the mask area, or {@code w*h} when the results carry boxes).
     *
     * @param parallel true to evaluate categories on the common fork-join pool; the numbers are the same
     * @throws IllegalArgumentException for keypoints, or when a detection names an image not in {@code gt}
     */
    public static LvisResult evaluate(LvisGroundTruth gt, Detections dt, IouType type, boolean parallel) {
        if (type == IouType.KEYPOINTS) {
            throw new IllegalArgumentException("LVIS evaluates bbox or segm, not keypoints");
        }
        CocoParams p = params(type);
        GroundTruth base = gt.groundTruth();
        long[] imageIds = base.sortedImageIds();
        long[] categoryIds = base.categories().stream().mapToLong(Category::id).sorted().toArray();
        LvisSelection selection = LvisSelection.of(gt, dt, imageIds, categoryIds, MAX_DETS_PER_IMAGE);
        GroupIndex index = GroupIndex.build(base, dt, p, selection.gtKept, selection.dtKept);
        int k = index.groupCategories;
        PrecisionTable.Writer writer = PrecisionTable.writer(p.iouCount(), p.recCount(), k, p.areaCount(), 1);
        CategoryEvaluation evaluation = new CategoryEvaluation(base, dt, p, index, true,
                selection.dtIgnoreUnmatched);
        CategoryRuns.run(index, p.maxDet(p.maxDetCount() - 1), parallel, row -> evaluation.run(row, writer));
        PrecisionTable tables = writer.done();
        Summarizer summarizer = new Summarizer(p, tables);

        Frequency[] groups = new Frequency[k];
        for (int i = 0; i < k; i++) {
            groups[i] = gt.frequency(categoryIds[i]);
        }
        Map<String, Double> stats = new LinkedHashMap<>();
        for (LvisMetric m : LvisMetric.headline()) {
            stats.put(m.name(), value(m, summarizer, groups, -1));
        }
        List<LvisCategoryMetrics> perCategory = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (LvisMetric m : LvisMetric.perCategory()) {
                values.put(m.name(), value(m, summarizer, groups, i));
            }
            perCategory.add(new LvisCategoryMetrics(categoryIds[i], base.category(categoryIds[i]).name(), groups[i],
                    values));
        }
        LvisResult.Counts counts = new LvisResult.Counts(dt.size(), selection.keptByCap, selection.evaluated,
                selection.gtEvaluated);
        return new LvisResult(type, categoryIds, stats, perCategory, tables, counts,
                warnings(counts, index.unknownCategoryDetections));
    }

    /** The value of {@code m} over all categories ({@code category} -1) or for one table row. */
    private static double value(LvisMetric m, Summarizer s, Frequency[] groups, int category) {
        Double iou = m.allThresholds() ? null : m.iouThreshold();
        if (m.recall()) {
            return s.recallMean(iou, m.area(), MAX_DETS_PER_IMAGE, category);
        }
        if (m.frequency() == null || category >= 0) {
            return s.precisionMean(iou, m.area(), MAX_DETS_PER_IMAGE, category);
        }
        int[] rows = IntStream.range(0, groups.length).filter(i -> groups[i] == m.frequency()).toArray();
        return s.precisionMean(iou, m.area(), MAX_DETS_PER_IMAGE, rows);
    }

    private static List<String> warnings(LvisResult.Counts counts, int unknownCategories) {
        List<String> warnings = new ArrayList<>();
        int capped = counts.detections() - counts.keptByCap();
        if (capped > 0) {
            warnings.add(capped + " detection(s) beyond the " + MAX_DETS_PER_IMAGE + " highest-scoring of their image"
                    + " are not evaluated (lvis-api's per-image cap)");
        }
        if (unknownCategories > 0) {
            warnings.add(unknownCategories + " detection(s) name a category that is not in the ground truth; they are"
                    + " not evaluated (lvis-api drops them too)");
        }
        return warnings;
    }
}
