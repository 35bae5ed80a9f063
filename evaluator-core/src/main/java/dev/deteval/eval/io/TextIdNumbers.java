package dev.deteval.eval.io;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.data.KeypointColumn;
import dev.deteval.eval.mask.Rle;
import java.util.Arrays;

/**
 * Gives the string ids of a ground truth read with provisional numbers (order of appearance) their final
 * numbers, in Python's sort order of the strings ({@link dev.deteval.eval.data.TextIds}), so that everything
 * that sorts ids sorts them as pycocotools does. Run once per ground truth with string ids.
 */
final class TextIdNumbers {

    private TextIdNumbers() {
    }

    /**
     * A copy of {@code gt} with image and category ids renumbered.
     *
     * @param images the image ids' family, or null when they are numbers
     * @param categories the category ids' family, or null when they are numbers
     */
    static GroundTruth renumber(GroundTruth gt, IdFamily images, IdFamily categories) {
        long[] imageNumbers = images == null ? null : images.numbers();
        long[] categoryNumbers = categories == null ? null : categories.numbers();
        GroundTruth.Builder b = GroundTruth.builder();
        if (images != null) {
            b.imageTextIds(images.textIds());
        }
        if (categories != null) {
            b.categoryTextIds(categories.textIds());
        }
        for (int i = 0; i < gt.imageCount(); i++) {
            b.addImage(map(imageNumbers, gt.imageId(i)), gt.imageWidth(i), gt.imageHeight(i), gt.imageFileName(i));
        }
        for (Category c : gt.categories()) {
            b.addCategory(new Category(map(categoryNumbers, c.id()), c.name(), c.supercategory()));
        }
        long[] ids = gt.annotationIdColumn();
        long[] imageIds = gt.imageIdColumn();
        long[] categoryIds = gt.categoryIdColumn();
        double[] boxes = gt.boxColumn();
        double[] areas = gt.areaColumn();
        boolean[] crowd = gt.crowdColumn();
        boolean[] ignore = gt.ignoreColumn();
        Rle[] masks = gt.maskColumn();
        KeypointColumn keypoints = gt.keypoints();
        double[] xyv = keypoints.values();
        int[] numKeypoints = gt.numKeypointsColumn();
        for (int i = 0; i < ids.length; i++) {
            b.addAnnotation(ids[i], map(imageNumbers, imageIds[i]), map(categoryNumbers, categoryIds[i]),
                    boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3], areas[i], crowd[i], ignore[i]);
            if (masks[i] != null) {
                b.mask(i, masks[i]);
            }
            int count = keypoints.count(i);
            if (count > 0 || numKeypoints[i] != 0) {
                int from = keypoints.start(i);
                b.keypoints(i, Arrays.copyOfRange(xyv, from, from + 3 * count), numKeypoints[i]);
            }
        }
        return b.build();
    }

    private static long map(long[] numbers, long id) {
        return numbers == null ? id : numbers[(int) id];
    }
}
