package dev.deteval.eval.geometry;

/**
 * Overlap measures between two axis-aligned boxes A and B: IoU and the generalised, distance and complete
 * variants used as regression losses and NMS criteria. All take edges {@code [x1, y1, x2, y2]} in
 * continuous coordinates (no +1 pixel convention).
 *
 * <p>Shared quantities: intersection {@code I = max(0, min(ax2, bx2) - max(ax1, bx1)) *
 * max(0, min(ay2, by2) - max(ay1, by1))}; areas {@code |A| = (ax2 - ax1)(ay2 - ay1)}, likewise
 * {@code |B|}; union {@code U = |A| + |B| - I}; smallest enclosing box C with width
 * {@code cw = max(ax2, bx2) - min(ax1, bx1)} and height {@code ch} likewise.
 *
 * <ul>
 *   <li>{@link #IOU}: {@code I / U}, and 0 when {@code U = 0}. In [0, 1].
 *   <li>{@link #GIOU}: {@code IoU - (|C| - U) / |C|} with {@code |C| = cw * ch}; the penalty is 0 when
 *       {@code |C| = 0}. In (-1, 1] for boxes of positive area; two zero-area boxes apart reach -1.
 *   <li>{@link #DIOU}: {@code IoU - rho² / c²}, where {@code rho} is the distance between the box centres
 *       and {@code c² = cw² + ch²} the squared diagonal of C; the penalty is 0 when {@code c = 0}. In
 *       (-1, 1] for boxes of positive area.
 *   <li>{@link #CIOU}: {@code DIoU - alpha * v}, with the aspect-ratio term
 *       {@code v = (4 / pi²) (atan(wB / hB) - atan(wA / hA))²} and the weight
 *       {@code alpha = v / ((1 - IoU) + v)} (0 when {@code v = 0}). The arctangent is taken as
 *       {@code atan2(w, h)}, so a zero height gives pi/2 and an empty box 0. Never above DIoU; in
 *       (-1.5, 1] for boxes of positive area, since {@code DIoU > IoU - 1} and
 *       {@code alpha * v = v² / ((1 - IoU) + v) < IoU + 1/2}.
 * </ul>
 *
 * Every variant is symmetric in A and B (bit for bit) and equals 1 for two equal boxes of positive area.
 * The IoU term is {@link Iou#edges} with areas {@code (x2 - x1)(y2 - y1)}; for pycocotools' exact arithmetic
 * on {@code [x, y, w, h]} boxes use {@link Iou#xywh}, since converting to edges first may change the last
 * bit. The array methods
 * do not check that boxes have {@code x2 >= x1} and {@code y2 >= y1}; other boxes give meaningless
 * values.
 */
public enum IouVariant {
    /** Intersection over union. */
    IOU {
        @Override
        double compute(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
                double by2) {
            return iou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
        }
    },
    /** Generalised IoU (Rezatofighi et al., 2019). */
    GIOU {
        @Override
        double compute(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
                double by2) {
            double iou = iou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
            double union = union(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
            double enclosing = (Math.max(ax2, bx2) - Math.min(ax1, bx1)) * (Math.max(ay2, by2) - Math.min(ay1, by1));
            return enclosing > 0 ? iou - (enclosing - union) / enclosing : iou;
        }
    },
    /** Distance IoU (Zheng et al., 2020). */
    DIOU {
        @Override
        double compute(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
                double by2) {
            return diou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
        }
    },
    /** Complete IoU (Zheng et al., 2020). */
    CIOU {
        @Override
        double compute(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
                double by2) {
            double iou = iou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
            double diou = diou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
            double angle = Math.atan2(bx2 - bx1, by2 - by1) - Math.atan2(ax2 - ax1, ay2 - ay1);
            double v = FOUR_OVER_PI_SQUARED * (angle * angle);
            if (v == 0) {
                return diou;
            }
            double alpha = v / ((1 - iou) + v);
            return diou - alpha * v;
        }
    };

    private static final double FOUR_OVER_PI_SQUARED = 4 / (Math.PI * Math.PI);

    abstract double compute(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
            double by2);

    /** This measure for two boxes. */
    public double of(Box a, Box b) {
        return compute(a.x1(), a.y1(), a.x2(), a.y2(), b.x1(), b.y1(), b.x2(), b.y2());
    }

    /**
     * This measure for boxes paired by position: element {@code i} compares {@code a}'s box {@code i}
     * with {@code b}'s box {@code i}.
     *
     * @param a {@code double[4n]} in {@code format}
     * @param b {@code double[4n]} in {@code format}
     * @return {@code double[n]}
     * @throws IllegalArgumentException if the arrays differ in length or are not 4 values per box
     */
    public double[] elementwise(double[] a, double[] b, BoxFormat format) {
        BoxArrays.requireQuads(a);
        if (a.length != b.length) {
            throw new IllegalArgumentException("elementwise " + this + " needs as many boxes on both sides, got "
                    + a.length / 4 + " and " + b.length / 4 + " (array lengths " + a.length + " and " + b.length + ")");
        }
        double[] p = edges(a, format);
        double[] q = edges(b, format);
        double[] out = new double[a.length / 4];
        for (int i = 0; i < out.length; i++) {
            int k = 4 * i;
            out[i] = compute(p[k], p[k + 1], p[k + 2], p[k + 3], q[k], q[k + 1], q[k + 2], q[k + 3]);
        }
        return out;
    }

    /**
     * This measure for every pair of a box of {@code a} and a box of {@code b}.
     *
     * @param a {@code double[4n]} in {@code format}
     * @param b {@code double[4m]} in {@code format}
     * @return the {@code n x m} matrix, row-major in a {@code double[n * m]}: element {@code i * m + j}
     *     compares {@code a}'s box {@code i} with {@code b}'s box {@code j}
     */
    public double[] pairwise(double[] a, double[] b, BoxFormat format) {
        double[] p = edges(a, format);
        double[] q = edges(b, format);
        int n = p.length / 4;
        int m = q.length / 4;
        double[] out = new double[Math.multiplyExact(n, m)];
        for (int i = 0; i < n; i++) {
            int k = 4 * i;
            double ax1 = p[k];
            double ay1 = p[k + 1];
            double ax2 = p[k + 2];
            double ay2 = p[k + 3];
            for (int j = 0; j < m; j++) {
                int l = 4 * j;
                out[i * m + j] = compute(ax1, ay1, ax2, ay2, q[l], q[l + 1], q[l + 2], q[l + 3]);
            }
        }
        return out;
    }

    private static double[] edges(double[] boxes, BoxFormat format) {
        BoxArrays.requireQuads(boxes);
        return format == BoxFormat.XYXY ? boxes : BoxArrays.convert(boxes, format, BoxFormat.XYXY);
    }

    private static double union(double ax1, double ay1, double ax2, double ay2, double bx1, double by1,
            double bx2, double by2) {
        double areaA = (ax2 - ax1) * (ay2 - ay1);
        double areaB = (bx2 - bx1) * (by2 - by1);
        return areaA + areaB - intersection(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
    }

    private static double intersection(double ax1, double ay1, double ax2, double ay2, double bx1, double by1,
            double bx2, double by2) {
        double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        return iw > 0 && ih > 0 ? iw * ih : 0;
    }

    private static double iou(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
            double by2) {
        return Iou.edges(ax1, ay1, ax2, ay2, (ax2 - ax1) * (ay2 - ay1), bx1, by1, bx2, by2, (bx2 - bx1) * (by2 - by1),
                false);
    }

    private static double diou(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2,
            double by2) {
        double iou = iou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
        double cw = Math.max(ax2, bx2) - Math.min(ax1, bx1);
        double ch = Math.max(ay2, by2) - Math.min(ay1, by1);
        double diagonal2 = cw * cw + ch * ch;
        if (diagonal2 == 0) {
            return iou;
        }
        double dx = (bx1 + bx2) / 2 - (ax1 + ax2) / 2;
        double dy = (by1 + by2) / 2 - (ay1 + ay2) / 2;
        return iou - (dx * dx + dy * dy) / diagonal2;
    }
}
