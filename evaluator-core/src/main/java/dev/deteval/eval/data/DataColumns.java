package dev.deteval.eval.data;

import dev.deteval.eval.internal.ColumnAccess;
import dev.deteval.eval.internal.SharedColumns;
import dev.deteval.eval.mask.Rle;

/**
 * This package's {@link ColumnAccess}: the live arrays of the value classes, for the evaluators in other
 * packages. Registered with {@link SharedColumns} once, by this class's own initialisation, which
 * {@link #install()} triggers from the initialisers of {@link GroundTruth} and {@link Detections}.
 */
final class DataColumns implements ColumnAccess {

    static {
        SharedColumns.register(new DataColumns());
    }

    private DataColumns() {
    }

    /** Does nothing itself; calling it initialises this class, which registers it (only the first time). */
    static void install() {
        // the work is done by the static initialiser
    }

    @Override
    public long[] annotationIds(GroundTruth gt) {
        return gt.annotationIds;
    }

    @Override
    public long[] imageIds(GroundTruth gt) {
        return gt.annotationImageIds;
    }

    @Override
    public long[] categoryIds(GroundTruth gt) {
        return gt.annotationCategoryIds;
    }

    @Override
    public double[] boxes(GroundTruth gt) {
        return gt.boxes;
    }

    @Override
    public double[] areas(GroundTruth gt) {
        return gt.areas;
    }

    @Override
    public boolean[] crowd(GroundTruth gt) {
        return gt.crowd;
    }

    @Override
    public boolean[] ignore(GroundTruth gt) {
        return gt.ignore;
    }

    @Override
    public Rle[] masks(GroundTruth gt) {
        return gt.masks;
    }

    @Override
    public int[] numKeypoints(GroundTruth gt) {
        return gt.numKeypoints;
    }

    @Override
    public long[] imageIds(Detections dt) {
        return dt.imageIds;
    }

    @Override
    public long[] categoryIds(Detections dt) {
        return dt.categoryIds;
    }

    @Override
    public double[] boxes(Detections dt) {
        return dt.boxes;
    }

    @Override
    public double[] scores(Detections dt) {
        return dt.scores;
    }

    @Override
    public double[] areas(Detections dt) {
        return dt.areas;
    }

    @Override
    public Rle[] masks(Detections dt) {
        return dt.masks != null ? dt.masks : new Rle[dt.size()];
    }

    @Override
    public double[] values(KeypointColumn keypoints) {
        return keypoints.values;
    }
}
