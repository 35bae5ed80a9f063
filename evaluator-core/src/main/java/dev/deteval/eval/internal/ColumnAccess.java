package dev.deteval.eval.internal;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.data.KeypointColumn;
import dev.deteval.eval.mask.Rle;

/**
 * The arrays behind the columns of {@link GroundTruth}, {@link Detections} and {@link KeypointColumn},
 * handed out without copying. The public accessors of those types return copies, so that a caller
 * cannot change a value that is documented as immutable; the evaluators in other packages read the
 * columns in loops and get them from here instead (through {@link SharedColumns#access()}).
 *
 * <p>Only the data package implements this interface. Every array returned is the value's own: callers
 * read it and never write to it.
 */
public interface ColumnAccess {

    /** The annotation ids. */
    long[] annotationIds(GroundTruth gt);

    /** The image id of each annotation. */
    long[] imageIds(GroundTruth gt);

    /** The category id of each annotation. */
    long[] categoryIds(GroundTruth gt);

    /** The {@code [x, y, w, h]} boxes, four values per annotation. */
    double[] boxes(GroundTruth gt);

    /** The {@code area} of each annotation. */
    double[] areas(GroundTruth gt);

    /** The {@code iscrowd} flag of each annotation. */
    boolean[] crowd(GroundTruth gt);

    /** The {@code ignore} flag of each annotation. */
    boolean[] ignore(GroundTruth gt);

    /** The mask of each annotation, null where it has none. */
    Rle[] masks(GroundTruth gt);

    /** The {@code num_keypoints} of each annotation. */
    int[] numKeypoints(GroundTruth gt);

    /** The image id of each detection. */
    long[] imageIds(Detections dt);

    /** The category id of each detection. */
    long[] categoryIds(Detections dt);

    /** The {@code [x, y, w, h]} boxes, four values per detection. */
    double[] boxes(Detections dt);

    /** The score of each detection. */
    double[] scores(Detections dt);

    /** The area of each detection used for area ranges. */
    double[] areas(Detections dt);

    /** The mask of each detection, null where it has none (an array of nulls when none has one). */
    Rle[] masks(Detections dt);

    /** All {@code [x, y, v]} triples of a keypoint column, object after object. */
    double[] values(KeypointColumn keypoints);
}
