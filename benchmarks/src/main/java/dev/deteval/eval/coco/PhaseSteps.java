package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.stream.IntStream;

/**
 * Phases of a COCO evaluation run on their own, for the phase benchmarks: the similarity matrices of every
 * (image, category) group, the matching of every category, and the accumulation. Uses only API that older
 * jars have too, so the CPU-phase programs compiled with it against an older jar measure that jar.
 */
final class PhaseSteps {

    private PhaseSteps() {
    }

    /**
     * Computes every group's {@code [dtCount][gtCount]} matrix, detections in input order and cut to
     * {@code maxDet} per group ({@link Integer#MAX_VALUE}: no cut).
     *
     * @return the sum of each matrix's first value, so that the work cannot be optimised away
     */
    static double similarities(Similarity similarity, GroupIndex index, int maxDet) {
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

    /** Matches every category of {@code index}, on the common fork-join pool when {@code parallel}. */
    static CategoryOutcomes[] matchAll(GroundTruth gt, Detections dt, CocoParams params, GroupIndex index,
            boolean parallel) {
        CategoryEvaluation evaluation = new CategoryEvaluation(gt, dt, params, index);
        CategoryOutcomes[] out = new CategoryOutcomes[index.groupCategories];
        IntStream rows = IntStream.range(0, out.length);
        (parallel ? rows.parallel() : rows).forEach(k -> out[k] = evaluation.match(k));
        return out;
    }

    /** Accumulates every category's outcomes into one precision/recall table, categories in parallel. */
    static PrecisionTable accumulateAll(CocoParams params, GroupIndex index, CategoryOutcomes[] outcomes) {
        PrecisionTable.Writer writer = PrecisionTable.writer(params.iouCount(), params.recCount(),
                index.groupCategories, params.areaCount(), params.maxDetCount());
        IntStream.range(0, outcomes.length).parallel()
                .forEach(k -> new Accumulation(params, k, outcomes[k]).writeTo(writer));
        return writer.done();
    }
}
