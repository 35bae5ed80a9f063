/**
 * Binary instance masks as COCO run-length encodings, with the integer arithmetic of pycocotools'
 * {@code maskApi.c} (cocoapi commit 8c9bcc3) so that areas, boxes and IoUs are identical to it.
 *
 * <ul>
 *   <li>{@link dev.deteval.eval.mask.Rle}: the mask value (area, bounding box, merge, mask conversion);
 *   <li>{@link dev.deteval.eval.mask.RleStrings}: COCO's compressed string form of the run lengths;
 *   <li>{@link dev.deteval.eval.mask.RleDecoder}: the same strings decoded straight from a reader's character
 *       buffer, reusing one run buffer;
 *   <li>{@link dev.deteval.eval.mask.Polygons}: polygon rasterisation ({@code rleFrPoly});
 *   <li>{@link dev.deteval.eval.mask.MaskIou}: mask IoU between detections and ground truths
 *       ({@code rleIou}), step by step and, with the same numbers, by a shorter walk over rows of mask
 *       columns.
 * </ul>
 *
 * <p>Layout everywhere: pixel {@code (row y, column x)} of an {@code h x w} image has the column-major
 * (Fortran order) index {@code x * h + y}; runs alternate 0 and 1 starting with a run of 0s, which may be
 * empty. Masks stay run-length encoded; only {@link dev.deteval.eval.mask.Rle#toMask()} and
 * {@link dev.deteval.eval.mask.Rle#fromMask(boolean[], int, int)} deal in full bitmaps.
 */
package dev.deteval.eval.mask;
