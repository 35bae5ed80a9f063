package dev.deteval.eval.coco;

/**
 * A ground truth or detection whose number of keypoints differs from the number of OKS sigmas, found
 * while comparing it (pycocotools fails there too). Says which side and which row (input order), so a
 * front-end that knows the files can name the place.
 */
public final class KeypointCountException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final boolean groundTruth;
    private final int row;

    KeypointCountException(boolean groundTruth, int row, String message) {
        super(message);
        this.groundTruth = groundTruth;
        this.row = row;
    }

    /** True for a ground-truth annotation, false for a detection. */
    public boolean groundTruth() {
        return groundTruth;
    }

    /** The annotation's or detection's index in its file (0-based). */
    public int row() {
        return row;
    }
}
