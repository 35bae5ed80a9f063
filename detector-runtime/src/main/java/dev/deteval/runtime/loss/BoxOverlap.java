package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Differentiable overlap of paired boxes {@code (N, 4)} given as edges {@code [x1, y1, x2, y2]}, with the
 * definitions of evaluator-core's {@code IouVariant}: intersection I, union U, smallest enclosing box
 * area C.
 */
final class BoxOverlap {

    /** Guards the divisions: a zero union or enclosing area is replaced by this before dividing. */
    static final float EPSILON = 1e-9f;

    private final NDArray union;
    private final NDArray intersection;
    private final NDArray enclosing;

    private BoxOverlap(NDArray a, NDArray b) {
        NDArray ax1 = a.get(new NDIndex(":, 0"));
        NDArray ay1 = a.get(new NDIndex(":, 1"));
        NDArray ax2 = a.get(new NDIndex(":, 2"));
        NDArray ay2 = a.get(new NDIndex(":, 3"));
        NDArray bx1 = b.get(new NDIndex(":, 0"));
        NDArray by1 = b.get(new NDIndex(":, 1"));
        NDArray bx2 = b.get(new NDIndex(":, 2"));
        NDArray by2 = b.get(new NDIndex(":, 3"));
        NDArray width = ax2.minimum(bx2).sub(ax1.maximum(bx1)).maximum(0f);
        NDArray height = ay2.minimum(by2).sub(ay1.maximum(by1)).maximum(0f);
        intersection = width.mul(height);
        NDArray areaA = ax2.sub(ax1).mul(ay2.sub(ay1));
        NDArray areaB = bx2.sub(bx1).mul(by2.sub(by1));
        union = areaA.add(areaB).sub(intersection);
        enclosing = ax2.maximum(bx2).sub(ax1.minimum(bx1)).mul(ay2.maximum(by2).sub(ay1.minimum(by1)));
    }

    static BoxOverlap of(NDArray a, NDArray b) {
        return new BoxOverlap(a, b);
    }

    /** {@code (N)}: I / U. */
    NDArray iou() {
        return intersection.div(union.maximum(EPSILON));
    }

    /** {@code (N)}: IoU - (C - U) / C. */
    NDArray giou() {
        return iou().sub(enclosing.sub(union).div(enclosing.maximum(EPSILON)));
    }
}
