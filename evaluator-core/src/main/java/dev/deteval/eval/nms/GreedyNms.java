package dev.deteval.eval.nms;

import java.util.Arrays;

/**
 * Greedy (hard) NMS over ranked candidates. Candidates are visited once, in rank order; a candidate is
 * kept unless a box already kept in its class group overlaps it with IoU strictly above the threshold.
 * This keeps the same boxes as the textbook formulation (take the best remaining box, remove everything
 * of its class overlapping it by more than the threshold, repeat) and compares each candidate only with
 * kept boxes, stopping at the first that suppresses it.
 *
 * <p>Kept boxes are copied, per class group, into one flat {@code double[5m]} (each group owns the slice
 * that could hold all its candidates), so the inner loop reads consecutive memory and allocates nothing.
 * Runs stop as soon as {@code maxDetections} boxes are kept.
 */
final class GreedyNms {

    private GreedyNms() {
    }

    /**
     * @return input positions of the kept boxes in rank order (descending score, ties in input order),
     *     at most {@code maxDetections}
     */
    static int[] run(Candidates c, double iouThreshold, int maxDetections) {
        int limit = Math.min(c.size, maxDetections);
        int[] out = new int[limit];
        int count = 0;
        double[] kept = new double[5 * c.size];
        int[] keptEnd = new int[c.groupCount];
        for (int g = 0; g < c.groupCount; g++) {
            keptEnd[g] = 5 * c.groupStart[g];
        }
        double[] e = c.edges;
        for (int r = 0; r < c.size && count < limit; r++) {
            int g = c.group[r];
            int o = 5 * r;
            if (!suppressed(kept, 5 * c.groupStart[g], keptEnd[g], e, o, iouThreshold)) {
                System.arraycopy(e, o, kept, keptEnd[g], 5);
                keptEnd[g] += 5;
                out[count++] = c.index[r];
            }
        }
        return count == limit ? out : Arrays.copyOf(out, count);
    }

    /** Whether a box in {@code kept[from..to)} overlaps the box at {@code e[o..o+4]} with IoU > threshold. */
    private static boolean suppressed(double[] kept, int from, int to, double[] e, int o, double threshold) {
        double x1 = e[o];
        double y1 = e[o + 1];
        double x2 = e[o + 2];
        double y2 = e[o + 3];
        double area = e[o + 4];
        for (int k = from; k < to; k += 5) {
            double iw = Math.min(x2, kept[k + 2]) - Math.max(x1, kept[k]);
            if (iw <= 0) {
                continue;
            }
            double ih = Math.min(y2, kept[k + 3]) - Math.max(y1, kept[k + 1]);
            if (ih <= 0) {
                continue;
            }
            double inter = iw * ih;
            if (inter / (kept[k + 4] + area - inter) > threshold) {
                return true;
            }
        }
        return false;
    }
}
