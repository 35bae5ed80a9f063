package dev.deteval.runtime.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.deteval.eval.geometry.Box;
import dev.deteval.runtime.data.LabelEncoder;
import dev.deteval.runtime.data.Scene;
import dev.deteval.runtime.data.SceneObject;

/**
 * The training targets of the centre-heatmap detector, made from a scene's boxes.
 *
 * <ul>
 *   <li><b>heatmap</b> {@code (classes, rows, cols)}: for each object, an elliptical Gaussian on its class
 *       channel, 1 at the cell that holds the box centre, with standard deviations
 *       {@code max(0.54·w / 6, ¼·s) / s} and likewise for h, in cells (TTFNet's shape: wider boxes spread
 *       wider); overlapping Gaussians of one class keep the maximum.
 *   <li><b>boxes</b> {@code (4, rows, cols)}: the target box's pixel edges {@code [x1, y1, x2, y2]} at every
 *       cell that regresses a box, else 0.
 *   <li><b>mask</b> {@code (1, rows, cols)}: 1 at the cells that regress a box: those within
 *       {@code radius} cells (Chebyshev) of the centre cell whose centre lies inside the box, so every object
 *       trains several cells and the peak cell is always one of them (a cell claimed by two objects goes to
 *       the smaller box).
 * </ul>
 */
public final class CenterTargets implements LabelEncoder {

    private static final double SPREAD = 0.54;

    private final GridLayout layout;
    private final int radius;

    /**
     * @param layout output grid
     * @param radius cells around the centre cell that also regress the box, not negative
     */
    public CenterTargets(GridLayout layout, int radius) {
        if (radius < 0) {
            throw new IllegalArgumentException("radius must not be negative, got " + radius);
        }
        this.layout = layout;
        this.radius = radius;
    }

    @Override
    public NDList encode(NDManager manager, Scene scene) {
        int rows = layout.rows();
        int cols = layout.cols();
        int plane = rows * cols;
        float[] heat = new float[layout.classes() * plane];
        float[] boxes = new float[4 * plane];
        float[] mask = new float[plane];
        double[] claimedArea = new double[plane];
        for (SceneObject object : scene.objects()) {
            Box b = object.box();
            int col = layout.colOf(b.centerX());
            int row = layout.rowOf(b.centerY());
            splat(heat, object.kind().ordinal() * plane, b, row, col);
            claim(boxes, mask, claimedArea, b, row, col);
        }
        return new NDList(manager.create(heat, new Shape(layout.classes(), rows, cols)),
                manager.create(boxes, new Shape(4, rows, cols)), manager.create(mask, new Shape(1, rows, cols)));
    }

    private void splat(float[] heat, int offset, Box b, int row, int col) {
        int s = layout.stride();
        double sx = Math.max(SPREAD * b.width() / 6, 0.25 * s) / s;
        double sy = Math.max(SPREAD * b.height() / 6, 0.25 * s) / s;
        for (int r = 0; r < layout.rows(); r++) {
            for (int c = 0; c < layout.cols(); c++) {
                double dx = c - col;
                double dy = r - row;
                float g = (float) Math.exp(-(dx * dx / (2 * sx * sx) + dy * dy / (2 * sy * sy)));
                int i = offset + r * layout.cols() + c;
                heat[i] = Math.max(heat[i], g);
            }
        }
    }

    private void claim(float[] boxes, float[] mask, double[] claimedArea, Box b, int row, int col) {
        int plane = mask.length;
        for (int r = Math.max(0, row - radius); r <= Math.min(layout.rows() - 1, row + radius); r++) {
            for (int c = Math.max(0, col - radius); c <= Math.min(layout.cols() - 1, col + radius); c++) {
                boolean centre = r == row && c == col;
                float x = layout.centerX(c);
                float y = layout.centerY(r);
                boolean inside = x > b.x1() && x < b.x2() && y > b.y1() && y < b.y2();
                int i = r * layout.cols() + c;
                if ((centre || inside) && (mask[i] == 0 || b.area() < claimedArea[i])) {
                    mask[i] = 1;
                    claimedArea[i] = b.area();
                    boxes[i] = (float) b.x1();
                    boxes[plane + i] = (float) b.y1();
                    boxes[2 * plane + i] = (float) b.x2();
                    boxes[3 * plane + i] = (float) b.y2();
                }
            }
        }
    }
}
