package dev.deteval.eval.geometry;

/**
 * Intersection over union of axis-aligned boxes in continuous coordinates: the one kernel for this
 * convention. COCO matching ({@link #xywh}, pycocotools' {@code bbIou} in maskApi.c), NMS and
 * {@link IouVariant#IOU} all reduce to {@link #edges}, so a value compared with a threshold is the same
 * double wherever it is computed from the same edges and areas. (VOC's devkit arithmetic, with its +1 pixel
 * option, is the other convention and lives in {@code dev.deteval.eval.voc}; detector-runtime's
 * differentiable IoU on NDArrays follows {@link IouVariant} and is tested against it.)
 *
 * <p>The arithmetic, in this order: {@code iw = min(ax2, bx2) - max(ax1, bx1)}, 0 if {@code iw <= 0};
 * likewise {@code ih}; {@code i = iw * ih}; {@code u = areaA + areaB - i}, or {@code u = areaA} when B is a
 * crowd region; IoU = {@code i / u}. For {@code [x, y, w, h]} boxes pycocotools takes {@code x2 = x + w}
 * (actually {@code w + x}, the same double) and {@code area = w * h}, which is what {@link #xywh} passes.
 * The result is in [0, 1] for boxes of non-negative size.
 */
public final class Iou {

    private Iou() {
    }

    /**
     * The kernel: IoU of box A (the detection) and box B (the ground truth) from their edges and areas.
     *
     * @param areaA A's area as the caller defines it (e.g. {@code w * h})
     * @param areaB B's area, ignored when {@code crowd}
     * @param crowd true when B is a crowd region: the union is then A's area
     * @return {@code i / u}, 0 when the boxes do not overlap
     */
    public static double edges(double ax1, double ay1, double ax2, double ay2, double areaA, double bx1,
            double by1, double bx2, double by2, double areaB, boolean crowd) {
        // Math.min and Math.max written out: the C1 compiler (short runs use no other) calls them, and this runs
        // for every pair of boxes. Each gives Math's value for every input, NaN included (the third branch,
        // a sum, is NaN); of two zeros of opposite sign it may give the other, which no difference below shows
        double iw = (ax2 < bx2 ? ax2 : ax2 >= bx2 ? bx2 : ax2 + bx2) - (ax1 > bx1 ? ax1 : ax1 <= bx1 ? bx1 : ax1 + bx1);
        if (iw <= 0) {
            return 0;
        }
        double ih = (ay2 < by2 ? ay2 : ay2 >= by2 ? by2 : ay2 + by2) - (ay1 > by1 ? ay1 : ay1 <= by1 ? by1 : ay1 + by1);
        if (ih <= 0) {
            return 0;
        }
        double i = iw * ih;
        double u = crowd ? areaA : areaA + areaB - i;
        return i / u;
    }

    /**
     * IoU of detection box {@code d} and ground-truth box {@code g}, both {@code [x, y, w, h]}, bit for bit
     * as pycocotools computes it.
     *
     * @param crowd true when {@code g} is a crowd region: the union is then the detection's area
     */
    public static double xywh(double xd, double yd, double wd, double hd, double xg, double yg, double wg,
            double hg, boolean crowd) {
        return edges(xd, yd, wd + xd, hd + yd, wd * hd, xg, yg, wg + xg, hg + yg, wg * hg, crowd);
    }

    /** IoU of two boxes (no crowd rule). */
    public static double of(Box a, Box b) {
        return xywh(a.x1(), a.y1(), a.width(), a.height(), b.x1(), b.y1(), b.width(), b.height(), false);
    }

    /** Crowd IoU: intersection over the area of {@code detection}; 0 when they do not overlap. */
    public static double crowd(Box detection, Box crowdRegion) {
        return xywh(detection.x1(), detection.y1(), detection.width(), detection.height(), crowdRegion.x1(),
                crowdRegion.y1(), crowdRegion.width(), crowdRegion.height(), true);
    }

    /**
     * IoU of two boxes given as four numbers each in {@code format}.
     *
     * @param a four values describing the first box
     * @param b four values describing the second box
     */
    public static double of(BoxFormat format, double[] a, double[] b) {
        return of(format.toBox(a[0], a[1], a[2], a[3]), format.toBox(b[0], b[1], b[2], b[3]));
    }
}
