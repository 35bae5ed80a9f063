package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import java.util.Objects;

/**
 * Collects detections while a pipeline infers, image by image or batch by batch, possibly from several
 * threads, and evaluates them on request. {@link #snapshot()} gives exactly the numbers
 * {@link CocoEvaluator#evaluate(GroundTruth, Detections, CocoParams)} gives for the same detections.
 *
 * <p>Order matters only inside one image: equal scores within an image are ranked in the order they
 * were added (pycocotools' stable sort). Adding each image's detections in one call
 * ({@link #addImage} or {@link #addAll}) therefore makes the result independent of how threads
 * interleave; order across images never matters.
 *
 * <p>Thread-safe. Boxes are {@code [x, y, w, h]} in pixels.
 */
public final class CocoDetectionAccumulator {

    private static final ColumnAccess COLUMNS = SharedColumns.access();

    private final GroundTruth groundTruth;
    private final CocoParams params;
    private final Detections.Builder detections = Detections.builder();

    /**
     * @param groundTruth the ground truth the detections are evaluated against
     * @param params the evaluation parameters
     */
    public CocoDetectionAccumulator(GroundTruth groundTruth, CocoParams params) {
        this.groundTruth = Objects.requireNonNull(groundTruth, "groundTruth");
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * Adds one detection.
     *
     * @throws IllegalArgumentException if the image is not in the ground truth, a number is not finite or
     *     the width or height is negative
     */
    public void add(long imageId, long categoryId, double x, double y, double w, double h, double score) {
        requireImage(imageId);
        synchronized (detections) {
            detections.add(imageId, categoryId, x, y, w, h, score);
        }
    }

    /**
     * Adds all detections of one image atomically.
     *
     * @param categoryIds category of each detection, length n
     * @param boxes {@code [x, y, w, h]} per detection, length 4n
     * @param scores score per detection, length n
     * @throws IllegalArgumentException on mismatched lengths or an invalid detection; nothing is added then
     */
    public void addImage(long imageId, long[] categoryIds, double[] boxes, double[] scores) {
        requireImage(imageId);
        int n = scores.length;
        if (categoryIds.length != n || boxes.length != 4 * n) {
            throw new IllegalArgumentException("expected " + n + " category ids and " + 4 * n + " box values, got "
                    + categoryIds.length + " and " + boxes.length);
        }
        Detections.Builder batch = Detections.builder();
        for (int i = 0; i < n; i++) {
            batch.add(imageId, categoryIds[i], boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3],
                    scores[i]);
        }
        addAll(batch.build());
    }

    /**
     * Adds a batch atomically, in its order.
     *
     * @throws IllegalArgumentException if a detection's image is not in the ground truth; nothing is added
     */
    public void addAll(Detections batch) {
        long[] images = COLUMNS.imageIds(batch);
        for (long id : images) {
            requireImage(id);
        }
        synchronized (detections) {
            detections.addAll(batch);
        }
    }

    /** Number of detections added so far. */
    public int size() {
        synchronized (detections) {
            return detections.size();
        }
    }

    /** Evaluates the detections added so far; adding may continue afterwards. */
    public CocoResult snapshot() {
        Detections current;
        synchronized (detections) {
            current = detections.build();
        }
        return CocoEvaluator.evaluate(groundTruth, current, params);
    }

    private void requireImage(long imageId) {
        if (!groundTruth.hasImage(imageId)) {
            throw new IllegalArgumentException("image " + imageId + " is not in the ground truth");
        }
    }
}
