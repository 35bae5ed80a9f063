package dev.deteval.eval.coco;

import java.util.Arrays;

/**
 * What matching one category leaves behind for resampling: the image of each detection (in the
 * category's merged score order) and, for each image with ground truth of the category, the number of
 * ground truths that are not ignored per area range. Filled by {@link CategoryEvaluation#match(int,
 * ImageTrail)} on one thread, then read through {@link #imageOf()}, {@link #gtImages()} and
 * {@link #counted()}.
 */
final class ImageTrail {

    private final int areas;
    private int[] imageOf = new int[0];
    private int[] gtImages = new int[16];
    private int[] counted;
    private int entries;

    ImageTrail(int areas) {
        this.areas = areas;
        this.counted = new int[16 * areas];
    }

    /** Starts a category with {@code n} kept detections. */
    void start(int n) {
        imageOf = new int[n];
        entries = 0;
    }

    /** Records that the detections at merged places {@code at[0..count)} belong to image {@code image}. */
    void detections(int image, int[] at, int count) {
        for (int d = 0; d < count; d++) {
            imageOf[at[d]] = image;
        }
    }

    /**
     * Records that image {@code image} has {@code count} ground truths that are not ignored in area range
     * {@code area}; called for areas 0, 1, … of one image in turn.
     */
    void groundTruths(int image, int area, int count) {
        if (area == 0) {
            if (entries == gtImages.length) {
                gtImages = Arrays.copyOf(gtImages, entries * 2);
                counted = Arrays.copyOf(counted, entries * 2 * areas);
            }
            gtImages[entries++] = image;
        }
        counted[(entries - 1) * areas + area] = count;
    }

    /** The image index of each detection, in merged order (the live array; callers keep it unchanged). */
    int[] imageOf() {
        return imageOf;
    }

    /** The images with ground truth of the category, in image order (trimmed). */
    int[] gtImages() {
        return Arrays.copyOf(gtImages, entries);
    }

    /** Ground truths that are not ignored, {@code [entry][area]} flattened, entries as {@link #gtImages()}. */
    int[] counted() {
        return Arrays.copyOf(counted, entries * areas);
    }
}
