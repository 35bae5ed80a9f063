package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import java.util.Arrays;

/**
 * Groups ground truths and detections by (category, image) with index arrays (compressed rows): the
 * members of group {@code g = k * I + i} are {@code members[start[g] .. start[g + 1])}, in input order,
 * or, when categories are pooled, by ascending category and then input order (as pycocotools
 * concatenates them).
 */
final class GroupIndex {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    final long[] imageIds;
    final long[] categoryIds;
    final int groupCategories;
    final int[] gtStart;
    final int[] gtMembers;
    final int[] dtStart;
    final int[] dtMembers;
    final int unknownCategoryDetections;

    private GroupIndex(long[] imageIds, long[] categoryIds, int groupCategories, int[] gtStart, int[] gtMembers,
            int[] dtStart, int[] dtMembers, int unknownCategoryDetections) {
        this.imageIds = imageIds;
        this.categoryIds = categoryIds;
        this.groupCategories = groupCategories;
        this.gtStart = gtStart;
        this.gtMembers = gtMembers;
        this.dtStart = dtStart;
        this.dtMembers = dtMembers;
        this.unknownCategoryDetections = unknownCategoryDetections;
    }

    static GroupIndex build(GroundTruth gt, Detections dt, CocoParams p) {
        return build(gt, dt, p, null, null);
    }

    /**
     * The index of the rows that {@code gtKept} and {@code dtKept} keep (all rows where they are null), as
     * if the other rows were not there; LVIS's cap and federated filters choose them.
     */
    static GroupIndex build(GroundTruth gt, Detections dt, CocoParams p, boolean[] gtKept, boolean[] dtKept) {
        return build(gt, dt, p, gtKept, dtKept, true);
    }

    /**
     * As {@link #build(GroundTruth, Detections, CocoParams)}, without counting the detections of categories
     * outside the ground truth ({@link #unknownCategoryDetections} is 0): for the analyses, which walk the
     * index without reporting that count (the evaluation does).
     */
    static GroupIndex withoutUnknownCount(GroundTruth gt, Detections dt, CocoParams p) {
        return build(gt, dt, p, null, null, false);
    }

    private static GroupIndex build(GroundTruth gt, Detections dt, CocoParams p, boolean[] gtKept, boolean[] dtKept,
            boolean countUnknown) {
        long[] imageIds = p.imgIds() != null ? p.imgIds() : gt.sortedImageIds();
        long[] allCats = gt.categories().stream().mapToLong(c -> c.id()).sorted().toArray();
        long[] categoryIds = p.catIds() != null ? p.catIds() : allCats;
        int kGroups = p.useCats() ? categoryIds.length : 1;
        int images = imageIds.length;

        IdIndex imageIndex = new IdIndex(imageIds);
        IdIndex categoryIndex = new IdIndex(categoryIds);
        int[] gtKeys = new int[gt.annotationCount()];
        int[] gtCats = new int[gt.annotationCount()];
        keys(COLUMNS.imageIds(gt), COLUMNS.categoryIds(gt), imageIndex, categoryIndex, images, p.useCats(), gtKeys,
                gtCats, gtKept);

        long[] dtImages = COLUMNS.imageIds(dt);
        for (int i = 0; i < dtImages.length; i++) {
            if ((i == 0 || dtImages[i] != dtImages[i - 1]) && !gt.hasImage(dtImages[i])) {
                throw new IllegalArgumentException("detection " + i + " refers to image " + dtImages[i]
                        + ", which is not in the ground truth");
            }
        }
        int[] dtKeys = new int[dt.size()];
        int[] dtCats = new int[dt.size()];
        keys(dtImages, COLUMNS.categoryIds(dt), imageIndex, categoryIndex, images, p.useCats(), dtKeys, dtCats,
                dtKept);
        int unknown = 0;
        long[] dtCategoryIds = COLUMNS.categoryIds(dt);
        boolean lastKnown = true;
        for (int i = 0; countUnknown && i < dtCategoryIds.length; i++) {
            if (i == 0 || dtCategoryIds[i] != dtCategoryIds[i - 1]) {
                lastKnown = Arrays.binarySearch(allCats, dtCategoryIds[i]) >= 0;
            }
            if (!lastKnown) {
                unknown++;
            }
        }
        int groups = kGroups * images;
        int[] gtStart = new int[groups + 1];
        int[] gtMembers = groupMembers(gtKeys, gtCats, categoryIds.length, groups, gtStart);
        int[] dtStart = new int[groups + 1];
        int[] dtMembers = groupMembers(dtKeys, dtCats, categoryIds.length, groups, dtStart);
        return new GroupIndex(imageIds, categoryIds, kGroups, gtStart, gtMembers, dtStart, dtMembers, unknown);
    }

    int imageCount() {
        return imageIds.length;
    }

    /**
     * Computes each row's group key, or -1 when the row is outside the selected images and categories or
     * not kept ({@code kept} null: every row is).
     */
    private static void keys(long[] imageCol, long[] catCol, IdIndex imageIndex, IdIndex categoryIndex, int images,
            boolean useCats, int[] keys, int[] cats, boolean[] kept) {
        // rows usually come grouped by image: reuse the previous image lookup when it repeats
        long lastImage = 0;
        int img = imageIndex.of(lastImage);
        for (int i = 0; i < keys.length; i++) {
            if (imageCol[i] != lastImage) {
                lastImage = imageCol[i];
                img = imageIndex.of(lastImage);
            }
            int cat = categoryIndex.of(catCol[i]);
            if (img < 0 || cat < 0 || (kept != null && !kept[i])) {
                keys[i] = -1;
                continue;
            }
            keys[i] = (useCats ? cat : 0) * images + img;
            cats[i] = cat;
        }
    }

    /** Stable counting sort by category (secondary) then by group (primary); fills {@code start}. */
    private static int[] groupMembers(int[] keys, int[] cats, int categories, int groups, int[] start) {
        int n = 0;
        int[] catCount = new int[categories + 1];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] >= 0) {
                n++;
                catCount[cats[i] + 1]++;
            }
        }
        for (int c = 0; c < categories; c++) {
            catCount[c + 1] += catCount[c];
        }
        int[] byCat = new int[n];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] >= 0) {
                byCat[catCount[cats[i]]++] = i;
            }
        }
        for (int row : byCat) {
            start[keys[row] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        int[] fill = Arrays.copyOf(start, groups);
        int[] members = new int[n];
        for (int row : byCat) {
            members[fill[keys[row]]++] = row;
        }
        return members;
    }
}
