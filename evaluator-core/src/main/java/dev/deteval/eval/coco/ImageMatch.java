package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * COCO matching of one image, for evaluators that split the data by image (for example one Spark task
 * per group of images): the same matching {@link CocoEvaluator} runs (pycocotools' {@code computeIoU} and
 * {@code evaluateImg}), returned per category as compact {@link OutcomeRows} instead of being accumulated.
 * {@link OutcomeMerge} turns the rows of all images into the tables {@link CocoEvaluator} would give.
 */
public final class ImageMatch {

    private ImageMatch() {
    }

    /**
     * Matches the detections of one image against its ground truths, category by category.
     *
     * <p>{@code gt} holds exactly one image, that image's annotations in input order, and every category
     * of the full ground truth (the category rows of the tables come from them, or from
     * {@code params.catIds()}). {@code dt} holds detections of that image only, in input order (ties in
     * score keep it). Detections of a category that is not in {@code gt} are not evaluated.
     *
     * @param params the evaluation parameters; {@code imgIds}, when set, decides whether the image is
     *     evaluated at all
     * @return one {@link OutcomeRows} per category row that has ground truths or detections in the image,
     *     in category-row order; empty when the image is not among {@code params.imgIds()}
     * @throws IllegalArgumentException when {@code gt} does not hold exactly one image or a detection names
     *     another image
     */
    public static List<OutcomeRows> match(GroundTruth gt, Detections dt, CocoParams params) {
        if (gt.imageCount() != 1) {
            throw new IllegalArgumentException("ImageMatch needs the ground truth of exactly one image, got "
                    + gt.imageCount());
        }
        long image = gt.imageId(0);
        long[] selected = params.imgIds();
        if (selected != null && Arrays.binarySearch(selected, image) < 0) {
            return List.of();
        }
        CocoParams one = params.toBuilder().optImgIds(image).build();
        GroupIndex index = GroupIndex.build(gt, dt, one);
        CategoryEvaluation evaluation = new CategoryEvaluation(gt, dt, one, index);
        int areas = one.areaCount();
        int thresholds = one.iouCount();
        List<OutcomeRows> out = new ArrayList<>();
        for (int k = 0; k < index.groupCategories; k++) {
            if (index.gtStart[k + 1] == index.gtStart[k] && index.dtStart[k + 1] == index.dtStart[k]) {
                continue;
            }
            CategoryOutcomes o = evaluation.match(k);
            long categoryId = one.useCats() ? index.categoryIds[k] : -1;
            out.add(rows(k, categoryId, image, o, areas, thresholds));
        }
        return out;
    }

    /**
     * Turns one image's {@link CategoryOutcomes} (bit sets per (area, threshold) row over the detections)
     * into per-detection words. With one image the merged order is the rank order.
     */
    private static OutcomeRows rows(int k, long categoryId, long image, CategoryOutcomes o, int areas,
            int thresholds) {
        int n = o.score().length;
        int[] rank = o.rank();
        for (int j = 0; j < n; j++) {
            if (rank[j] != j) {
                throw new IllegalStateException("one image's merged order must be its rank order");
            }
        }
        int bits = areas * thresholds;
        int words = OutcomeRows.words(areas, thresholds);
        int rowWords = CategoryOutcomes.words(n);
        long[] tp = new long[n * words];
        long[] ignored = new long[n * words];
        for (int b = 0; b < bits; b++) {
            for (int j = 0; j < n; j++) {
                long bit = 1L << b;
                int src = b * rowWords + (j >>> 6);
                if ((o.tp()[src] & (1L << j)) != 0) {
                    tp[j * words + (b >>> 6)] |= bit;
                }
                if ((o.ignored()[src] & (1L << j)) != 0) {
                    ignored[j * words + (b >>> 6)] |= bit;
                }
            }
        }
        return new OutcomeRows(k, categoryId, image, bits, o.score(), tp, ignored, o.npig());
    }
}
