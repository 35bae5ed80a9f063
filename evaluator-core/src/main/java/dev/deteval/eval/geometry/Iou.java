package dev.deteval.eval.geometry;

/**
 * Intersection over union of axis-aligned boxes, computed with the exact floating-point operations of
 * pycocotools' {@code bbIou} (maskApi.c) so that values at a threshold compare the same way.
 *
 * <p>For boxes {@code d} and {@code g} given as {@code [x, y, w, h]}:
 * {@code iw = min(xd + wd, xg + wg) - max(xd, xg)}, 0 if {@code iw <= 0}; likewise {@code ih};
 * {@code i = iw * ih}; {@code u = wd*hd + wg*hg - i}, or {@code u = wd*hd} (the detection's own area)
 * when {@code g} is a crowd region; IoU = {@code i / u}. The result is in [0, 1].
 */
public final class Iou {

    private Iou() {
    }

    /**
     * IoU of detection box {@code d} and ground-truth box {@code g}, both {@code [x, y, w, h]}.
     *
     * @param crowd true when {@code g} is a crowd region: the union is then the detection's area
     */
    public static double xywh(double xd, double yd, double wd, double hd, double xg, double yg, double wg,
            double hg, boolean crowd) {
        double iw = Math.min(wd + xd, wg + xg) - Math.max(xd, xg);
        if (iw <= 0) {
            return 0;
        }
        double ih = Math.min(hd + yd, hg + yg) - Math.max(yd, yg);
        if (ih <= 0) {
            return 0;
        }
        double da = wd * hd;
        double i = iw * ih;
        double u = crowd ? da : da + wg * hg - i;
        return i / u;
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
