package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import dev.deteval.eval.internal.StableSort;
import java.util.Arrays;

/**
 * Which rows an LVIS evaluation uses, in the order lvis-api decides it: first the per-image cap (the
 * {@code cap} highest-scoring detections of each image, ties in input order, counted over all its
 * detections), then the ground truths that count ({@code area > 0}, known category) and the detections
 * that are evaluated (known category, {@code area > 0}, category positive or negative for the image), and
 * the evaluated detections that are ignored when they match nothing (category not exhaustive for the
 * image).
 *
 * <p>Per image the positive, negative and not-exhaustive categories are kept as short sorted lists of
 * category positions (compressed rows), so each detection costs three small binary searches.
 */
final class LvisSelection {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    /** Per ground-truth row: counts (area > 0, known image and category). */
    final boolean[] gtKept;
    /** Per detection row: evaluated. */
    final boolean[] dtKept;
    /** Per detection row: evaluated, and ignored when it matches nothing. */
    final boolean[] dtIgnoreUnmatched;
    /** Detections left after the cap. */
    final int keptByCap;
    /** Detections evaluated. */
    final int evaluated;
    /** Ground truths that count. */
    final int gtEvaluated;

    private LvisSelection(boolean[] gtKept, boolean[] dtKept, boolean[] dtIgnoreUnmatched, int keptByCap,
            int evaluated, int gtEvaluated) {
        this.gtKept = gtKept;
        this.dtKept = dtKept;
        this.dtIgnoreUnmatched = dtIgnoreUnmatched;
        this.keptByCap = keptByCap;
        this.evaluated = evaluated;
        this.gtEvaluated = gtEvaluated;
    }

    /**
     * @param imageIds the evaluated images, ascending
     * @param categoryIds the evaluated categories, ascending
     * @param cap the most detections kept per image
     * @throws IllegalArgumentException when a detection names an image not in {@code imageIds}
     */
    static LvisSelection of(LvisGroundTruth lvis, Detections dt, long[] imageIds, long[] categoryIds, int cap) {
        GroundTruth gt = lvis.groundTruth();
        IdIndex images = new IdIndex(imageIds);
        IdIndex categories = new IdIndex(categoryIds);
        int[] dtImage = imagePositions(COLUMNS.imageIds(dt), images);
        boolean[] dtKept = cappedPerImage(dtImage, COLUMNS.scores(dt), imageIds.length, cap);
        int keptByCap = count(dtKept);

        long[] gtImages = COLUMNS.imageIds(gt);
        long[] gtCategories = COLUMNS.categoryIds(gt);
        double[] gtAreas = COLUMNS.areas(gt);
        boolean[] gtKept = new boolean[gtImages.length];
        int[] positiveStart = new int[imageIds.length + 1];
        int[] gtImage = new int[gtImages.length];
        int[] gtCategory = new int[gtImages.length];
        for (int i = 0; i < gtKept.length; i++) {
            gtImage[i] = images.of(gtImages[i]);
            gtCategory[i] = categories.of(gtCategories[i]);
            gtKept[i] = gtImage[i] >= 0 && gtCategory[i] >= 0 && gtAreas[i] > 0;
            if (gtKept[i]) {
                positiveStart[gtImage[i] + 1]++;
            }
        }
        int[] positive = sortedRows(positiveStart, gtImage, gtCategory, gtKept);
        int[][] negative = lists(lvis, imageIds, categories, true);
        int[][] notExhaustive = lists(lvis, imageIds, categories, false);

        long[] dtCategories = COLUMNS.categoryIds(dt);
        double[] dtAreas = COLUMNS.areas(dt);
        boolean[] ignoreUnmatched = new boolean[dtKept.length];
        int evaluated = 0;
        for (int d = 0; d < dtKept.length; d++) {
            if (!dtKept[d]) {
                continue;
            }
            int img = dtImage[d];
            int cat = categories.of(dtCategories[d]);
            boolean kept = cat >= 0 && dtAreas[d] > 0 && (contains(positive, positiveStart[img],
                    positiveStart[img + 1], cat) || Arrays.binarySearch(negative[img], cat) >= 0);
            dtKept[d] = kept;
            if (kept) {
                evaluated++;
                ignoreUnmatched[d] = Arrays.binarySearch(notExhaustive[img], cat) >= 0;
            }
        }
        return new LvisSelection(gtKept, dtKept, ignoreUnmatched, keptByCap, evaluated, count(gtKept));
    }

    private static int[] imagePositions(long[] ids, IdIndex images) {
        int[] pos = new int[ids.length];
        long last = 0;
        int lastPos = images.of(last);
        for (int d = 0; d < ids.length; d++) {
            if (d == 0 || ids[d] != last) {
                last = ids[d];
                lastPos = images.of(last);
                if (lastPos < 0) {
                    throw new IllegalArgumentException("detection " + d + " refers to image " + last
                            + ", which is not in the ground truth");
                }
            }
            pos[d] = lastPos;
        }
        return pos;
    }

    /** True for the detections among the {@code cap} best of their image (stable: ties in input order). */
    private static boolean[] cappedPerImage(int[] image, double[] scores, int images, int cap) {
        int n = image.length;
        boolean[] kept = new boolean[n];
        Arrays.fill(kept, true);
        int[] start = new int[images + 1];
        for (int img : image) {
            start[img + 1]++;
        }
        boolean over = false;
        for (int i = 0; i < images; i++) {
            over |= start[i + 1] > cap;
            start[i + 1] += start[i];
        }
        if (!over) {
            return kept;
        }
        int[] rows = new int[n];
        int[] fill = Arrays.copyOf(start, images);
        for (int d = 0; d < n; d++) {
            rows[fill[image[d]]++] = d;
        }
        for (int i = 0; i < images; i++) {
            if (start[i + 1] - start[i] > cap) {
                StableSort.descending(rows, start[i], start[i + 1], scores);
                for (int j = start[i] + cap; j < start[i + 1]; j++) {
                    kept[rows[j]] = false;
                }
            }
        }
        return kept;
    }

    /** The kept rows' category positions grouped by image (counts in {@code start}, made offsets), sorted. */
    private static int[] sortedRows(int[] start, int[] image, int[] category, boolean[] kept) {
        for (int i = 0; i + 1 < start.length; i++) {
            start[i + 1] += start[i];
        }
        int[] out = new int[start[start.length - 1]];
        int[] fill = Arrays.copyOf(start, start.length - 1);
        for (int r = 0; r < kept.length; r++) {
            if (kept[r]) {
                out[fill[image[r]]++] = category[r];
            }
        }
        for (int i = 0; i + 1 < start.length; i++) {
            Arrays.sort(out, start[i], start[i + 1]);
        }
        return out;
    }

    /** Per image the positions of its negative (or not-exhaustive) categories, sorted; unknown ids left out. */
    private static int[][] lists(LvisGroundTruth lvis, long[] imageIds, IdIndex categories, boolean negative) {
        int[][] out = new int[imageIds.length][];
        for (int i = 0; i < imageIds.length; i++) {
            long[] ids = negative ? lvis.negativeOf(imageIds[i]) : lvis.notExhaustiveOf(imageIds[i]);
            out[i] = Arrays.stream(ids).mapToInt(categories::of).filter(c -> c >= 0).sorted().toArray();
        }
        return out;
    }

    private static boolean contains(int[] sorted, int from, int to, int key) {
        return Arrays.binarySearch(sorted, from, to, key) >= 0;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
