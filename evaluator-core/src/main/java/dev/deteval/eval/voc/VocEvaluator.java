package dev.deteval.eval.voc;

import dev.deteval.eval.internal.NumpyMath;
import dev.deteval.eval.internal.StableSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pascal VOC detection evaluation: per-class AP (VOC2007 11-point and VOC2010 all-point) and their means.
 *
 * <p>With {@link VocParams#defaults()} this reproduces voc_eval.py from py-faster-rcnn: for each class,
 * the detections of that class are sorted by descending score over all images (a stable sort, so equal
 * scores keep input order) and matched one by one; a detection considers only the object of its class
 * in its image that it overlaps most (the first such object on ties). If that overlap passes the
 * threshold ({@code > 0.5} by default) the detection is ignored when the object is difficult, a true
 * positive when the object is not yet detected (the object is then marked), and a false positive when
 * it was detected before; any other detection is a false positive. Difficult objects do not count as
 * positives ({@code npos}). Overlaps use the {@link BoxConvention} of the parameters.
 *
 * <p>From the cumulative counts, {@code rec = tp / npos} and {@code prec = tp / max(tp + fp, eps)}
 * (eps = 2<sup>-52</sup>) give the curve handed to {@link dev.deteval.eval.metric.VocAp}. A class with
 * {@code npos == 0} gets AP -1 and is left out of the mAP means (voc_eval.py would divide by zero);
 * a class with positives but no detections gets AP 0.
 */
public final class VocEvaluator {

    private VocEvaluator() {
    }

    /**
     * Evaluates {@code dt} against {@code gt}.
     *
     * @param dt detections built for {@code gt} (see {@link VocDetections#builder(VocDataset)})
     * @throws IllegalArgumentException when {@code dt} was built for another dataset
     */
    public static VocResult evaluate(VocDataset gt, VocDetections dt, VocParams params) {
        Objects.requireNonNull(gt, "gt");
        Objects.requireNonNull(dt, "dt");
        Objects.requireNonNull(params, "params");
        if (dt.dataset() != gt) {
            throw new IllegalArgumentException("the detections were built for another dataset; build them with "
                    + "VocDetections.builder(gt) or read them with the same ground truth");
        }
        int classCount = gt.classes().size();
        int[] npos = countPositives(gt, classCount);
        int[] start = new int[classCount + 1];
        int[] sorted = groupByClass(dt, classCount, start);
        ClassEvaluation evaluation = new ClassEvaluation(gt, dt, ObjectIndex.of(gt), params,
                new boolean[gt.objectCount()]);
        List<VocClassResult> perClass = new ArrayList<>(classCount);
        for (int k = 0; k < classCount; k++) {
            StableSort.descending(sorted, start[k], start[k + 1], dt.scores);
            perClass.add(evaluation.run(k, npos[k], sorted, start[k], start[k + 1]));
        }
        return new VocResult(perClass, mean(perClass, true), mean(perClass, false), params);
    }

    private static int[] countPositives(VocDataset gt, int classCount) {
        int[] npos = new int[classCount];
        int[] classes = gt.objectClasses;
        boolean[] difficult = gt.difficult;
        for (int j = 0; j < classes.length; j++) {
            if (!difficult[j]) {
                npos[classes[j]]++;
            }
        }
        return npos;
    }

    /** Detection indices grouped by class in input order; {@code start} receives the group offsets. */
    private static int[] groupByClass(VocDetections dt, int classCount, int[] start) {
        int[] classes = dt.classes;
        for (int k : classes) {
            start[k + 1]++;
        }
        for (int k = 0; k < classCount; k++) {
            start[k + 1] += start[k];
        }
        int[] next = new int[classCount];
        System.arraycopy(start, 0, next, 0, classCount);
        int[] out = new int[classes.length];
        for (int i = 0; i < classes.length; i++) {
            out[next[classes[i]]++] = i;
        }
        return out;
    }

    private static double mean(List<VocClassResult> perClass, boolean voc07) {
        double[] aps = new double[perClass.size()];
        int n = 0;
        for (VocClassResult r : perClass) {
            if (r.evaluated()) {
                aps[n++] = voc07 ? r.ap07() : r.ap10();
            }
        }
        return n == 0 ? VocClassResult.UNDEFINED : NumpyMath.mean(aps, n);
    }
}
