package dev.deteval.runtime.model;

/**
 * Where the detector's output cells sit on the image. The network reduces an {@code H × W} image by
 * {@code stride} in each direction; output cell {@code (row, col)} covers pixels
 * {@code [col·s, (col + 1)·s) × [row·s, (row + 1)·s)} and its centre is {@code ((col + ½)·s, (row + ½)·s)}.
 * Channel layout of the output {@code (N, classes + 4, rows, cols)}: one heatmap logit per class, then the
 * log-distances from the cell centre to the box's left, top, right and bottom edges, in strides.
 *
 * @param classes number of object classes
 * @param imageWidth input width in pixels, a multiple of the stride
 * @param imageHeight input height in pixels, a multiple of the stride
 * @param stride pixels per output cell
 */
public record GridLayout(int classes, int imageWidth, int imageHeight, int stride) {

    /** Number of box channels after the class channels. */
    public static final int BOX_CHANNELS = 4;

    /** Checks the sizes. */
    public GridLayout {
        if (classes < 1 || stride < 1) {
            throw new IllegalArgumentException("need at least one class and a positive stride");
        }
        if (imageWidth % stride != 0 || imageHeight % stride != 0) {
            throw new IllegalArgumentException("image size " + imageWidth + " x " + imageHeight
                    + " is not a multiple of the stride " + stride);
        }
    }

    /** Output columns, {@code W / stride}. */
    public int cols() {
        return imageWidth / stride;
    }

    /** Output rows, {@code H / stride}. */
    public int rows() {
        return imageHeight / stride;
    }

    /** Output channels, {@code classes + 4}. */
    public int channels() {
        return classes + BOX_CHANNELS;
    }

    /** Horizontal pixel centre of column {@code col}. */
    public float centerX(int col) {
        return (col + 0.5f) * stride;
    }

    /** Vertical pixel centre of row {@code row}. */
    public float centerY(int row) {
        return (row + 0.5f) * stride;
    }

    /** The column that holds pixel x (clamped to the grid). */
    public int colOf(double x) {
        return Math.min(cols() - 1, Math.max(0, (int) Math.floor(x / stride)));
    }

    /** The row that holds pixel y (clamped to the grid). */
    public int rowOf(double y) {
        return Math.min(rows() - 1, Math.max(0, (int) Math.floor(y / stride)));
    }
}
