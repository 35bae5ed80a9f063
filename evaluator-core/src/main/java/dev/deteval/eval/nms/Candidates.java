package dev.deteval.eval.nms;

import dev.deteval.eval.geometry.BoxFormat;
import dev.deteval.eval.geometry.Iou;
import dev.deteval.eval.internal.RadixSort;
import java.util.Arrays;

/**
 * The boxes that take part in one NMS run, ranked: those scoring at least the score threshold, sorted by
 * score descending with ties in input order (a stable sort), cut to top-k. Rank {@code r} has input
 * position {@code index[r]}, class group {@code group[r]} (classes renumbered densely, all 0 when
 * class-agnostic) and edges plus area in {@code edges[5r .. 5r+4]} = {@code x1, y1, x2, y2, area}.
 *
 * <p>The area is {@code w * h} as given for {@code XYWH} and {@code CXCYWH} boxes and
 * {@code (x2 - x1) * (y2 - y1)} for {@code XYXY}; with {@code XYWH} input the IoU computed from these
 * values is bit for bit pycocotools' (see {@link dev.deteval.eval.geometry.Iou#xywh}).
 */
final class Candidates {

    /** Number of ranked boxes, {@code m}. */
    final int size;
    /** {@code int[m]}: input position by rank. */
    final int[] index;
    /** {@code int[m]}: dense class group by rank. */
    final int[] group;
    /** Number of class groups. */
    final int groupCount;
    /** {@code int[groupCount + 1]}: prefix sums of the group sizes. */
    final int[] groupStart;
    /** {@code double[5m]}: x1, y1, x2, y2, area by rank. */
    final double[] edges;

    private Candidates(int[] index, int[] group, int groupCount, double[] edges) {
        this.size = index.length;
        this.index = index;
        this.group = group;
        this.groupCount = groupCount;
        this.edges = edges;
        this.groupStart = new int[groupCount + 1];
        for (int g : group) {
            groupStart[g + 1]++;
        }
        for (int g = 0; g < groupCount; g++) {
            groupStart[g + 1] += groupStart[g];
        }
    }

    /**
     * Validates the input and ranks the boxes.
     *
     * @param boxes {@code double[4n]} in {@code format}
     * @param scores {@code double[n]}, finite
     * @param classIds {@code int[n]}, or null for a single class
     * @throws IllegalArgumentException on mismatched lengths, a non-finite value or a box with negative
     *     width or height
     */
    static Candidates rank(double[] boxes, BoxFormat format, double[] scores, int[] classIds, NmsConfig config) {
        Input.check(boxes, format, scores, classIds);
        int n = scores.length;
        int[] order = new int[n];
        int m = 0;
        double threshold = config.scoreThreshold();
        for (int i = 0; i < n; i++) {
            if (scores[i] >= threshold) {
                order[m++] = i;
            }
        }
        RadixSort.descending(order, 0, m, scores);
        int[] index = Arrays.copyOf(order, Math.min(m, config.topK()));
        int[] group = new int[index.length];
        int groupCount = config.classAgnostic() || classIds == null ? 1 : groups(index, classIds, group);
        return new Candidates(index, group, groupCount, edges(boxes, format, index));
    }

    /** Fills {@code group} with dense class numbers and returns how many there are. */
    private static int groups(int[] index, int[] classIds, int[] group) {
        if (index.length == 0) {
            return 1;
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i : index) {
            min = Math.min(min, classIds[i]);
            max = Math.max(max, classIds[i]);
        }
        long range = (long) max - min + 1;
        if (range <= 2L * index.length + 1024) {
            int[] slot = new int[(int) range];
            Arrays.fill(slot, -1);
            int count = 0;
            for (int r = 0; r < index.length; r++) {
                int s = classIds[index[r]] - min;
                if (slot[s] < 0) {
                    slot[s] = count++;
                }
                group[r] = slot[s];
            }
            return count;
        }
        long[] ids = new long[index.length];
        for (int r = 0; r < index.length; r++) {
            ids[r] = classIds[index[r]];
        }
        DenseIds dense = DenseIds.of(ids);
        System.arraycopy(dense.dense(), 0, group, 0, index.length);
        return dense.count();
    }

    private static double[] edges(double[] boxes, BoxFormat format, int[] index) {
        double[] e = new double[5 * index.length];
        for (int r = 0; r < index.length; r++) {
            int k = 4 * index[r];
            double a = boxes[k];
            double b = boxes[k + 1];
            double c = boxes[k + 2];
            double d = boxes[k + 3];
            int o = 5 * r;
            switch (format) {
                case XYXY -> {
                    e[o] = a;
                    e[o + 1] = b;
                    e[o + 2] = c;
                    e[o + 3] = d;
                    e[o + 4] = (c - a) * (d - b);
                }
                case XYWH -> {
                    e[o] = a;
                    e[o + 1] = b;
                    e[o + 2] = a + c;
                    e[o + 3] = b + d;
                    e[o + 4] = c * d;
                }
                case CXCYWH -> {
                    e[o] = a - c / 2;
                    e[o + 1] = b - d / 2;
                    e[o + 2] = a + c / 2;
                    e[o + 3] = b + d / 2;
                    e[o + 4] = c * d;
                }
            }
        }
        return e;
    }

    /**
     * IoU of the boxes at ranks {@code r} and {@code s}: {@code I / (area_r + area_s - I)} with
     * {@code I} the intersection, and 0 when they do not overlap (so boxes of zero area never overlap).
     */
    double iou(int r, int s) {
        return iou(edges, 5 * r, edges, 5 * s);
    }

    /** IoU of the boxes stored at offsets {@code p} of {@code a} and {@code q} of {@code b} (5 values each). */
    static double iou(double[] a, int p, double[] b, int q) {
        return Iou.edges(a[p], a[p + 1], a[p + 2], a[p + 3], a[p + 4], b[q], b[q + 1], b[q + 2], b[q + 3], b[q + 4],
                false);
    }
}
