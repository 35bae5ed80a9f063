package dev.deteval.runtime.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.deteval.runtime.tensor.EngineScalar;

/**
 * Differentiable overlap of paired boxes {@code (N, 4)} given as edges {@code [x1, y1, x2, y2]}, with the
 * definitions of evaluator-core's {@code IouVariant}: intersection I, union U, smallest enclosing box
 * area C, its squared diagonal c², the squared distance ρ² of the centres and the aspect-angle gap.
 */
final class BoxOverlap {

    /** Guards the divisions: a zero union or enclosing area is replaced by this before dividing. */
    static final float EPSILON = 1e-9f;

    private final NDArray union;
    private final NDArray intersection;
    private final NDArray enclosing;
    private final NDArray centreDistanceSquared;
    private final NDArray diagonalSquared;
    private final NDArray aspectGap;

    private BoxOverlap(NDArray a, NDArray b) {
        NDArray ax1 = a.get(new NDIndex(":, 0"));
        NDArray ay1 = a.get(new NDIndex(":, 1"));
        NDArray ax2 = a.get(new NDIndex(":, 2"));
        NDArray ay2 = a.get(new NDIndex(":, 3"));
        NDArray bx1 = b.get(new NDIndex(":, 0"));
        NDArray by1 = b.get(new NDIndex(":, 1"));
        NDArray bx2 = b.get(new NDIndex(":, 2"));
        NDArray by2 = b.get(new NDIndex(":, 3"));
        NDArray width = ax2.minimum(bx2).sub(ax1.maximum(bx1)).maximum(EngineScalar.of(ax1, 0));
        NDArray height = ay2.minimum(by2).sub(ay1.maximum(by1)).maximum(EngineScalar.of(ay1, 0));
        intersection = width.mul(height);
        NDArray areaA = ax2.sub(ax1).mul(ay2.sub(ay1));
        NDArray areaB = bx2.sub(bx1).mul(by2.sub(by1));
        union = areaA.add(areaB).sub(intersection);
        NDArray cw = ax2.maximum(bx2).sub(ax1.minimum(bx1));
        NDArray ch = ay2.maximum(by2).sub(ay1.minimum(by1));
        enclosing = cw.mul(ch);
        diagonalSquared = cw.square().add(ch.square());
        NDArray dx = ax1.add(ax2).sub(bx1.add(bx2)).div(EngineScalar.of(ax1, 2));
        NDArray dy = ay1.add(ay2).sub(by1.add(by2)).div(EngineScalar.of(ay1, 2));
        centreDistanceSquared = dx.square().add(dy.square());
        aspectGap = bx2.sub(bx1).atan2(by2.sub(by1)).sub(ax2.sub(ax1).atan2(ay2.sub(ay1)));
    }

    static BoxOverlap of(NDArray a, NDArray b) {
        return new BoxOverlap(a, b);
    }

    /** {@code (N)}: I / U. */
    NDArray iou() {
        return intersection.div(union.maximum(EngineScalar.of(union, EPSILON)));
    }

    /** {@code (N)}: IoU - (C - U) / C. */
    NDArray giou() {
        return iou().sub(enclosing.sub(union).div(enclosing.maximum(EngineScalar.of(enclosing, EPSILON))));
    }

    /** {@code (N)}: IoU - ρ² / c², ρ the distance between the centres, c the diagonal of the enclosing box. */
    NDArray diou() {
        return iou().sub(centreDistanceSquared.div(diagonalSquared.maximum(EngineScalar.of(diagonalSquared, EPSILON))));
    }

    /**
     * {@code (N)}: DIoU - α·v with v = (4/π²)(atan2(wB, hB) - atan2(wA, hA))² and α = v / ((1 - IoU) + v),
     * α treated as a constant (no gradient through it, as in the CIoU paper); α = 0 where v = 0.
     */
    NDArray ciou() {
        NDArray iou = iou();
        NDArray v = aspectGap.square().mul(EngineScalar.of(aspectGap, (float) (4 / (Math.PI * Math.PI))));
        NDArray alpha = v.div(iou.neg().add(1f).add(v).maximum(EngineScalar.of(v, EPSILON))).stopGradient();
        return diou().sub(alpha.mul(v));
    }
}
