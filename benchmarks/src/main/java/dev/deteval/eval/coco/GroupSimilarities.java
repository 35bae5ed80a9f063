package dev.deteval.eval.coco;

/**
 * The similarity matrices of every (image, category) group that has both detections and ground truths, as
 * the evaluation computes them before matching: the "similarity" phase of the phase benchmarks. Uses only
 * API that older jars have too, so the CPU-phase programs compiled with it against an older jar measure
 * that jar.
 */
final class GroupSimilarities {

    private GroupSimilarities() {
    }

    /**
     * Computes every group's {@code [dtCount][gtCount]} matrix, detections in input order and cut to
     * {@code maxDet} per group ({@link Integer#MAX_VALUE}: no cut).
     *
     * @return the sum of each matrix's first value, so that the work cannot be optimised away
     */
    static double sum(Similarity similarity, GroupIndex index, int maxDet) {
        int[] dts = new int[64];
        double[] out = new double[64];
        double sum = 0;
        for (int g = 0; g + 1 < index.gtStart.length; g++) {
            int gtFrom = index.gtStart[g];
            int gtCount = index.gtStart[g + 1] - gtFrom;
            int dtCount = Math.min(maxDet, index.dtStart[g + 1] - index.dtStart[g]);
            if (gtCount == 0 || dtCount == 0) {
                continue;
            }
            if (dts.length < dtCount) {
                dts = new int[dtCount];
            }
            if (out.length < dtCount * gtCount) {
                out = new double[dtCount * gtCount];
            }
            System.arraycopy(index.dtMembers, index.dtStart[g], dts, 0, dtCount);
            similarity.compute(dts, dtCount, index.gtMembers, gtFrom, gtCount, out);
            sum += out[0];
        }
        return sum;
    }
}
