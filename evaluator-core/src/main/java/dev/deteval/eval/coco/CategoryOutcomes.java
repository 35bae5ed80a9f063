package dev.deteval.eval.coco;

/**
 * The matching result of one category over all images, the input of {@link Accumulation}. Detections
 * are listed image by image (ascending image id), each image's in descending score order, cut to the
 * largest maxDets.
 *
 * @param detRank rank of each detection within its image (0 = highest score)
 * @param detScore score of each detection
 * @param outcome {@code [A][T][n]} outcomes (TP, FP or IGNORED, see {@link CategoryEvaluation})
 * @param npig number of ground truths that are not ignored, per area range
 */
record CategoryOutcomes(int[] detRank, double[] detScore, byte[] outcome, int[] npig) {
}
