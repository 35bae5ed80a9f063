package dev.deteval.eval.coco;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.internal.RadixSort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second half of a split COCO evaluation: pycocotools' {@code accumulate()} and {@code summarize()}
 * over {@link OutcomeRows} that {@link ImageMatch} computed image by image, wherever that ran.
 *
 * <p>{@link #accumulate} rebuilds one category's merged detection list the way {@link CocoEvaluator} does:
 * the per-image lists concatenated in ascending image id, then one stable sort by descending score (the
 * same sort code), so ties break by image and then by rank within the image, as numpy's mergesort does in
 * pycocotools. The curve is then built by the same {@link Accumulation}. {@link #result} places the
 * category slices in the full tables and summarises them with the same {@link Summarizer}. The result
 * therefore equals {@link CocoEvaluator#evaluate} on the same data bit for bit.
 */
public final class OutcomeMerge {

    private OutcomeMerge() {
    }

    /**
     * Accumulates one category.
     *
     * @param params the evaluation parameters (the same as given to {@link ImageMatch})
     * @param categoryRow the category's row in the result tables
     * @param groups the category's outcome rows, one per image that has ground truths or detections of
     *     it, in strictly ascending image id
     * @return the category's precision, recall and score tables
     * @throws IllegalArgumentException when a group belongs to another category or the image ids are not
     *     strictly ascending
     */
    public static CategoryTables accumulate(CocoParams params, int categoryRow, List<OutcomeRows> groups) {
        int areas = params.areaCount();
        int thresholds = params.iouCount();
        int n = 0;
        for (int g = 0; g < groups.size(); g++) {
            OutcomeRows rows = groups.get(g);
            if (rows.categoryRow() != categoryRow || rows.bits() != areas * thresholds
                    || rows.areaCount() != areas) {
                throw new IllegalArgumentException(rows + " does not belong to category row " + categoryRow
                        + " with " + areas + " area ranges and " + thresholds + " IoU thresholds");
            }
            if (g > 0 && rows.imageId() <= groups.get(g - 1).imageId()) {
                throw new IllegalArgumentException("outcome rows must come in strictly ascending image id, got image "
                        + rows.imageId() + " after " + groups.get(g - 1).imageId());
            }
            n += rows.size();
        }
        int[] rank = new int[n];
        double[] score = new double[n];
        int[] npig = new int[areas];
        int at = 0;
        for (OutcomeRows rows : groups) {
            for (int j = 0; j < rows.size(); j++) {
                rank[at] = j;
                score[at++] = rows.score(j);
            }
            for (int a = 0; a < areas; a++) {
                npig[a] += rows.npig(a);
            }
        }
        // accumulate()'s merged order: one stable sort of the concatenation by descending score
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        RadixSort.descending(order, 0, n, score);
        int[] position = new int[n];
        for (int j = 0; j < n; j++) {
            position[order[j]] = j;
        }
        int words = CategoryOutcomes.words(n);
        long[] tp = new long[areas * thresholds * words];
        long[] ignored = new long[tp.length];
        at = 0;
        for (OutcomeRows rows : groups) {
            for (int j = 0; j < rows.size(); j++, at++) {
                int p = position[at];
                for (int b = 0; b < areas * thresholds; b++) {
                    if (rows.tpBit(j, b)) {
                        tp[b * words + (p >>> 6)] |= 1L << p;
                    } else if (rows.ignoredBit(j, b)) {
                        ignored[b * words + (p >>> 6)] |= 1L << p;
                    }
                }
            }
        }
        int[] mergedRank = new int[n];
        double[] mergedScore = new double[n];
        for (int j = 0; j < n; j++) {
            mergedRank[j] = rank[order[j]];
            mergedScore[j] = score[order[j]];
        }
        int t = thresholds;
        int r = params.recCount();
        int m = params.maxDetCount();
        PrecisionTable.Writer writer = PrecisionTable.writer(t, r, 1, areas, m);
        new Accumulation(params, 0, new CategoryOutcomes(mergedRank, mergedScore, tp, ignored, npig))
                .writeTo(writer);
        PrecisionTable slice = writer.done();
        return new CategoryTables(categoryRow, slice.precisionArray(), slice.recallArray(), slice.scoresArray());
    }

    /**
     * The category ids of the result tables in row order: {@code params.catIds()} when set, else every
     * category's id ascending; {@code [-1]} when categories are pooled (as {@link CocoResult#categoryIds()}).
     */
    public static long[] categoryIds(CocoParams params, List<Category> categories) {
        if (!params.useCats()) {
            return new long[] {-1};
        }
        long[] selected = params.catIds();
        return selected != null ? selected : categories.stream().mapToLong(Category::id).sorted().toArray();
    }

    /**
     * Assembles the result: the category slices placed in the full tables (a category without a slice,
     * that is without ground truths or detections anywhere, keeps -1), then the summary and the
     * per-category rows as {@link CocoEvaluator} computes them.
     *
     * @param params the evaluation parameters
     * @param categories every category of the ground truth (ids and names)
     * @param slices at most one per category row
     * @param unknownCategoryDetections detections whose category is not among {@code categories} (they
     *     are not evaluated; reported as a warning)
     * @throws IllegalArgumentException when a slice's row is out of range or given twice
     */
    public static CocoResult result(CocoParams params, List<Category> categories, List<CategoryTables> slices,
            long unknownCategoryDetections) {
        long[] ids = categoryIds(params, categories);
        int t = params.iouCount();
        int r = params.recCount();
        int k = ids.length;
        int a = params.areaCount();
        int m = params.maxDetCount();
        PrecisionTable.Writer writer = PrecisionTable.writer(t, r, k, a, m);
        boolean[] seen = new boolean[k];
        for (CategoryTables s : slices) {
            int row = s.categoryRow();
            if (row < 0 || row >= k || seen[row]) {
                throw new IllegalArgumentException("category row " + row + " is out of range or given twice");
            }
            seen[row] = true;
            place(s, writer, t, r, a, m);
        }
        Map<Long, Category> byId = new HashMap<>();
        for (Category c : categories) {
            byId.putIfAbsent(c.id(), c);
        }
        return CocoEvaluator.result(params, ids, writer.done(), unknownCategoryDetections, byId::get,
                id -> null, false);
    }

    private static void place(CategoryTables s, PrecisionTable.Writer writer, int t, int r, int a, int m) {
        int k = s.categoryRow();
        for (int ti = 0; ti < t; ti++) {
            for (int ai = 0; ai < a; ai++) {
                for (int mi = 0; mi < m; mi++) {
                    writer.recall(ti, k, ai, mi, s.recallAt((ti * a + ai) * m + mi));
                    for (int ri = 0; ri < r; ri++) {
                        int i = ((ti * r + ri) * a + ai) * m + mi;
                        writer.precision(ti, ri, k, ai, mi, s.precisionAt(i));
                        writer.score(ti, ri, k, ai, mi, s.scoreAt(i));
                    }
                }
            }
        }
    }

}
