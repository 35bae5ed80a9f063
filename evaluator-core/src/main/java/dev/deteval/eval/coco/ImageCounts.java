package dev.deteval.eval.coco;

/**
 * One image's counts at an operating point (see {@link PerImageCounts}).
 *
 * @param imageId the image id
 * @param fileName the image's file name from the ground truth, or the empty string
 * @param tp detections that count (score at least the confidence, not ignored) and hit a ground truth
 * @param fp detections that count and hit none
 * @param fn ground truths that count and no counted detection hit
 */
public record ImageCounts(long imageId, String fileName, int tp, int fp, int fn) {

    /** Checks the counts. */
    public ImageCounts {
        if (tp < 0 || fp < 0 || fn < 0) {
            throw new IllegalArgumentException("counts must not be negative: tp " + tp + ", fp " + fp + ", fn " + fn);
        }
        fileName = fileName == null ? "" : fileName;
    }

    /** The sort key of {@link PerImageCounts#worstFirst()}: {@code fp + fn}. */
    public int errors() {
        return fp + fn;
    }
}
