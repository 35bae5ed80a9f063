package dev.deteval.eval.nms;

import dev.deteval.eval.internal.StableSort;
import java.util.Arrays;

/**
 * Soft-NMS (Bodla et al., 2017) over ranked candidates, class group by class group. Repeatedly: the
 * remaining box with the highest current score is kept (on equal scores the earlier input wins); every
 * other remaining box of its group has its score decayed, linearly ({@code s * (1 - IoU)} when
 * {@code IoU > Nt}) or with a Gaussian ({@code s * exp(-IoU² / sigma)}); a box whose score falls below the
 * score floor is dropped. O(k²) per group of k boxes.
 */
final class SoftNms {

    private SoftNms() {
    }

    /**
     * @param scores the input scores, {@code double[n]}
     * @return kept input positions with their decayed scores, by decayed score descending (ties in input
     *     order), at most {@code maxDetections}
     */
    static NmsResult run(Candidates c, double[] scores, NmsConfig config) {
        double[] current = new double[c.size];
        for (int r = 0; r < c.size; r++) {
            current[r] = scores[c.index[r]];
        }
        int[] alive = new int[c.size];
        int[] members = new int[c.size];
        int[] next = Arrays.copyOf(c.groupStart, c.groupCount);
        for (int r = 0; r < c.size; r++) {
            members[next[c.group[r]]++] = r;
        }
        int[] keptRanks = new int[c.size];
        int kept = 0;
        for (int g = 0; g < c.groupCount; g++) {
            int from = c.groupStart[g];
            int count = c.groupStart[g + 1] - from;
            System.arraycopy(members, from, alive, 0, count);
            kept = decayGroup(c, current, alive, count, config, keptRanks, kept);
        }
        return ordered(c, current, keptRanks, kept, scores.length, config.maxDetections());
    }

    /** Runs soft-NMS on {@code alive[0..count)} (ranks of one group); appends kept ranks. */
    private static int decayGroup(Candidates c, double[] current, int[] alive, int count, NmsConfig config,
            int[] keptRanks, int kept) {
        boolean linear = config.suppression() == Suppression.LINEAR;
        double threshold = config.iouThreshold();
        double sigma = config.sigma();
        double floor = config.scoreThreshold();
        while (count > 0) {
            int bestAt = best(c, current, alive, count);
            int best = alive[bestAt];
            keptRanks[kept++] = best;
            alive[bestAt] = alive[--count];
            int j = 0;
            while (j < count) {
                int r = alive[j];
                double iou = c.iou(best, r);
                if (linear) {
                    if (iou > threshold) {
                        current[r] = current[r] * (1 - iou);
                    }
                } else if (iou > 0) {
                    current[r] = current[r] * Math.exp(-(iou * iou) / sigma);
                }
                if (current[r] < floor) {
                    alive[j] = alive[--count];
                } else {
                    j++;
                }
            }
        }
        return kept;
    }

    /** Position in {@code alive} of the highest current score; on equal scores the lower input position. */
    private static int best(Candidates c, double[] current, int[] alive, int count) {
        int bestAt = 0;
        double bestScore = current[alive[0]];
        int bestIndex = c.index[alive[0]];
        for (int j = 1; j < count; j++) {
            double s = current[alive[j]];
            int index = c.index[alive[j]];
            if (s > bestScore || (s == bestScore && index < bestIndex)) {
                bestAt = j;
                bestScore = s;
                bestIndex = index;
            }
        }
        return bestAt;
    }

    private static NmsResult ordered(Candidates c, double[] current, int[] keptRanks, int kept, int n,
            int maxDetections) {
        double[] byInput = new double[n];
        int[] indices = new int[kept];
        for (int k = 0; k < kept; k++) {
            int r = keptRanks[k];
            indices[k] = c.index[r];
            byInput[c.index[r]] = current[r];
        }
        Arrays.sort(indices);
        StableSort.descending(indices, byInput);
        int size = Math.min(kept, maxDetections);
        double[] out = new double[size];
        for (int k = 0; k < size; k++) {
            out[k] = byInput[indices[k]];
        }
        return new NmsResult(Arrays.copyOf(indices, size), out);
    }
}
