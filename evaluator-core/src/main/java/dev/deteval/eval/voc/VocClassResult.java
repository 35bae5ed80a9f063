package dev.deteval.eval.voc;

/**
 * The VOC numbers of one class.
 *
 * <p>A class without positives ({@code npos == 0}: no object of the class, or only difficult ones) has
 * no defined recall; voc_eval.py divides by zero there and its all-point AP comes out NaN. deteval
 * reports {@code ap07}, {@code ap10} and {@code finalRecall} as -1 for such a class, and leaves it out
 * of both mAP means (see {@link #evaluated()}). Its detections are still counted as false positives.
 *
 * @param name the class name
 * @param npos the number of objects of the class that are not difficult
 * @param ndet the number of detections of the class
 * @param tp detections that matched a not-yet-detected, non-difficult object
 * @param fp detections that matched nothing above the threshold, or an object detected before
 * @param ignoredDifficult detections whose best-overlapping object passed the threshold and is
 *     difficult; counted neither as TP nor as FP ({@code tp + fp + ignoredDifficult == ndet})
 * @param scoreTies true when two detections of the class have equal scores; deteval takes them in
 *     input order, voc_eval.py in an unspecified order, so the results may then differ from it
 * @param ap07 VOC2007 11-point AP (numpy's arange thresholds), or -1 when {@code npos == 0}
 * @param ap10 all-point AP (VOC2010+), or -1 when {@code npos == 0}
 * @param finalRecall {@code tp / npos}: recall after all detections; 0 without detections, -1 when
 *     {@code npos == 0}
 * @param finalPrecision {@code tp / max(tp + fp, eps)}: precision after all detections; 0 without
 *     detections
 */
public record VocClassResult(String name, int npos, int ndet, int tp, int fp, int ignoredDifficult,
        boolean scoreTies, double ap07, double ap10, double finalRecall, double finalPrecision) {

    /** The value of AP and recall for a class without positives. */
    public static final double UNDEFINED = -1.0;

    /** True when the class has positives, so that its AP is defined and counts in the mAP means. */
    public boolean evaluated() {
        return npos > 0;
    }
}
