package dev.deteval.eval.voc;

import dev.deteval.eval.internal.NumpyMath;
import dev.deteval.eval.metric.VocAp;

/**
 * Matches the detections of one class to its objects the way voc_eval.py does, and turns the
 * cumulative counts into AP.
 *
 * <p>Detections are visited in descending score order over all images. For each, only the object of
 * its class in its image with the largest overlap (the first one on ties) is considered: when that
 * overlap passes the threshold, a difficult object makes the detection ignored, an object not yet
 * detected makes it a true positive (and marks the object), an object already detected makes it a
 * false positive; otherwise it is a false positive. Then {@code rec = tp / npos} and
 * {@code prec = tp / max(tp + fp, eps)}, cumulatively.
 */
final class ClassEvaluation {

    private final VocDataset gt;
    private final VocDetections dt;
    private final ObjectIndex objects;
    private final VocParams params;
    private final boolean[] detected;

    /**
     * @param detected one flag per object of the dataset, all false; each class marks only its own
     *     objects, so one array serves every class
     */
    ClassEvaluation(VocDataset gt, VocDetections dt, ObjectIndex objects, VocParams params, boolean[] detected) {
        this.gt = gt;
        this.dt = dt;
        this.objects = objects;
        this.params = params;
        this.detected = detected;
    }

    /**
     * Evaluates class {@code k}.
     *
     * @param npos the number of non-difficult objects of the class
     * @param sorted detection indices of the class in visiting order (descending score, stable) at
     *     positions {@code [from, to)}
     */
    VocClassResult run(int k, int npos, int[] sorted, int from, int to) {
        int nd = to - from;
        double[] rec = new double[nd];
        double[] prec = new double[nd];
        double tp = 0.0;
        double fp = 0.0;
        int ignored = 0;
        for (int d = 0; d < nd; d++) {
            switch (match(k, sorted[from + d])) {
                case TRUE_POSITIVE -> tp += 1.0;
                case FALSE_POSITIVE -> fp += 1.0;
                case IGNORED -> ignored++;
            }
            rec[d] = tp / npos;
            prec[d] = tp / Math.max(tp + fp, NumpyMath.EPS);
        }
        String name = gt.classes().get(k);
        boolean ties = hasTies(sorted, from, to);
        double finalPrecision = nd == 0 ? 0.0 : prec[nd - 1];
        if (npos == 0) {
            return new VocClassResult(name, 0, nd, (int) tp, (int) fp, ignored, ties, VocClassResult.UNDEFINED,
                    VocClassResult.UNDEFINED, VocClassResult.UNDEFINED, finalPrecision);
        }
        double finalRecall = nd == 0 ? 0.0 : rec[nd - 1];
        return new VocClassResult(name, npos, nd, (int) tp, (int) fp, ignored, ties,
                VocAp.elevenPoint(rec, prec, nd), VocAp.allPoints(rec, prec, nd), finalRecall, finalPrecision);
    }

    private Outcome match(int k, int det) {
        int image = dt.images[det];
        int to = objects.to(image, k);
        double e = params.boxConvention().extent();
        double ovmax = Double.NEGATIVE_INFINITY;
        int jmax = -1;
        for (int p = objects.from(image, k); p < to; p++) {
            int j = objects.object(p);
            double ov = Overlap.of(e, dt.boxes, det, gt.boxes, j);
            if (Double.isNaN(ov)) {
                // numpy's max propagates NaN, and NaN passes no threshold
                return Outcome.FALSE_POSITIVE;
            }
            if (ov > ovmax) {
                ovmax = ov;
                jmax = j;
            }
        }
        if (!params.matchRule().passes(ovmax, params.overlapThreshold())) {
            return Outcome.FALSE_POSITIVE;
        }
        if (gt.difficult[jmax]) {
            return Outcome.IGNORED;
        }
        if (detected[jmax]) {
            return Outcome.FALSE_POSITIVE;
        }
        detected[jmax] = true;
        return Outcome.TRUE_POSITIVE;
    }

    private boolean hasTies(int[] sorted, int from, int to) {
        double[] scores = dt.scores;
        for (int i = from + 1; i < to; i++) {
            if (scores[sorted[i]] == scores[sorted[i - 1]]) {
                return true;
            }
        }
        return false;
    }

    private enum Outcome {
        TRUE_POSITIVE, FALSE_POSITIVE, IGNORED
    }
}
