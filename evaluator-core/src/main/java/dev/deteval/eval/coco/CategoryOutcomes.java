package dev.deteval.eval.coco;

/**
 * The matching result of one category over all images, the input of {@link Accumulation}: its
 * detections (each image's cut to the largest maxDets) in accumulate()'s merged order (descending score;
 * ties by image, then by rank within the image), and per (area, threshold) row which are true and which
 * false positives.
 *
 * @param rank rank of each detection within its image (0 = highest score), in merged order
 * @param score score of each detection, in merged order
 * @param tp {@code [A][T][words]} bit sets: bit {@code i} of row {@code a * T + t} set when the detection
 *     at merged place {@code i} is a true positive there ({@code words = }{@link #words}{@code (n)})
 * @param ignored the same for ignored detections; a detection in neither set is a false positive
 * @param npig number of ground truths that are not ignored, per area range
 */
record CategoryOutcomes(int[] rank, double[] score, long[] tp, long[] ignored, int[] npig) {

    /** 64-bit words per row for {@code n} detections. */
    static int words(int n) {
        return (n + 63) >>> 6;
    }
}
