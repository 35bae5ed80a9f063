package dev.deteval.eval.coco;

import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A breakdown of a detector's mistakes in the manner of TIDE (Bolya et al., ECCV 2020): every false positive
 * gets one {@link ErrorType}, every ground truth nobody found that no class or localisation error lies on
 * is {@link ErrorType#MISSED}, and for each type the AP gained when exactly those errors are fixed (dAP).
 *
 * <p><b>Matching.</b> COCO's own (area "all" {@code [0, 1e10]}, maxDets 100 per image and category, crowd
 * and ignored ground truths as in the evaluation; the mode, IoU type, categories and id filters are the
 * caller's). A detection matched to a crowd or ignored ground truth is ignored and is no error. So the five
 * false-positive counts add up to COCO's false positives at the foreground threshold, and the base AP is
 * COCO's AP at that threshold (area all, maxDets 100).
 *
 * <p><b>Types</b>, tested in this order on each false positive with foreground IoU {@code fg} (default 0.5)
 * and background IoU {@code bg} (default 0.1), against the ground truths that count in its image:
 * <ol>
 *   <li>localisation: its best IoU with a ground truth of its own class is in {@code [bg, fg)};</li>
 *   <li>classification: its best IoU with a ground truth of another class is at least {@code fg};</li>
 *   <li>duplicate: a ground truth of its class that another detection took overlaps it by at least
 *       {@code fg};</li>
 *   <li>background: it overlaps no ground truth by {@code bg} or more;</li>
 *   <li>both: the rest (wrong class and a loose box: another class's ground truth in {@code [bg, fg)}).</li>
 * </ol>
 * A tie in IoU goes to the ground truth listed first (by category, then input order).
 *
 * <p><b>Fixing</b> (dAP), one type at a time, everything else as it was: a localisation or class error
 * whose ground truth nobody took becomes a true positive of that ground truth's class with its own score,
 * but only the highest-scored such error per ground truth (ties: the earlier detection in the input); the
 * other errors on that ground truth, and those whose ground truth is taken, are removed. Duplicate,
 * background and both errors are removed. Fixing misses removes the missed ground truths from the number
 * of positives (a category left with none leaves the mean, as COCO leaves out categories without ground
 * truth). dAP = max(0, fixed AP - base AP). A corrected class error is merged into its new class's list by
 * score, after that class's own detections of the same score.
 *
 * <p><b>Which AP.</b> {@link #baseAp()} and {@link #deltaAp} are at the foreground threshold (AP50 by
 * default, as TIDE reports). With {@code allThresholds} the classification and the fixes are repeated with
 * each of the evaluation's IoU thresholds as the foreground threshold and averaged as COCO averages them
 * ({@link #baseApAllThresholds()}, AP@[.5:.95] with the default thresholds).
 *
 * <p>Differences from TIDE's code: COCO's matching and per-category maxDets instead of TIDE's own
 * matching and per-image maxDets; detections COCO ignores are not errors; a box exactly at {@code fg} with
 * its own class is a duplicate rather than a localisation error; for keypoints OKS is 0 across classes, so
 * there are no class or "both" errors. Immutable.
 */
public final class ErrorBreakdown {

    /** TIDE's foreground threshold. */
    public static final double DEFAULT_FOREGROUND = 0.5;
    /** TIDE's background threshold. */
    public static final double DEFAULT_BACKGROUND = 0.1;

    private static final int TYPES = ErrorType.values().length;
    /** Runs of consecutive images the pass splits the images into (for the common fork-join pool). */
    static final int CHUNKS = 4 * Runtime.getRuntime().availableProcessors();

    private final double foreground;
    private final double background;
    private final double[] thresholds;
    private final long[] categoryIds;
    private final List<String> names;
    private final int[][] counts;
    private final int falsePositives;
    private final int falseNegatives;
    private final double[] ap;
    private final double[] apAll;

    private ErrorBreakdown(double foreground, double background, double[] thresholds, long[] categoryIds,
            List<String> names, int[][] counts, int falsePositives, int falseNegatives, double[] ap, double[] apAll) {
        this.foreground = foreground;
        this.background = background;
        this.thresholds = thresholds;
        this.categoryIds = categoryIds;
        this.names = names;
        this.counts = counts;
        this.falsePositives = falsePositives;
        this.falseNegatives = falseNegatives;
        this.ap = ap;
        this.apAll = apAll;
    }

    /** The breakdown at TIDE's thresholds (0.5, 0.1), dAP at 0.5 and over the evaluation's thresholds. */
    public static ErrorBreakdown compute(GroundTruth gt, Detections dt, CocoParams params) {
        return compute(gt, dt, params, DEFAULT_FOREGROUND, DEFAULT_BACKGROUND, true);
    }

    /**
     * Classifies the errors and computes dAP.
     *
     * @param params the mode, IoU type, use of categories, id filters, recall thresholds and (for
     *     {@code allThresholds}) IoU thresholds; area ranges and maxDets are replaced by "all" and 100
     * @param foreground the IoU a detection needs to be a hit, in (0, 1]
     * @param background the IoU below which a detection is on background, in [0, foreground]
     * @param allThresholds whether to compute dAP over the evaluation's IoU thresholds too (about one
     *     classification pass per threshold)
     * @throws IllegalArgumentException when a threshold is out of range
     * @throws java.util.concurrent.CancellationException when the thread walking the images is interrupted (the
     *     interrupt stays set): a caller that no longer needs the breakdown stops it so
     */
    public static ErrorBreakdown compute(GroundTruth gt, Detections dt, CocoParams params, double foreground,
            double background, boolean allThresholds) {
        return compute(gt, dt, params, foreground, background, allThresholds, true);
    }

    /**
     * As {@link #compute(GroundTruth, Detections, CocoParams, double, double, boolean)}, with the images
     * split over the common fork-join pool when {@code parallel}, else walked on the calling thread alone
     * (for a caller that runs the breakdown beside other work that keeps the cores busy, such as the
     * evaluation: sharing the pool with it costs more than the split gains). Same result either way.
     */
    public static ErrorBreakdown compute(GroundTruth gt, Detections dt, CocoParams params, double foreground,
            double background, boolean allThresholds, boolean parallel) {
        return compute(gt, dt, params, foreground, background, allThresholds, null, chunks(parallel));
    }

    /** The runs of images a pass splits the images into: {@link #CHUNKS} when parallel, else one. */
    static int chunks(boolean parallel) {
        return parallel ? CHUNKS : 1;
    }

    /**
     * As {@link #compute(GroundTruth, Detections, CocoParams, double, double, boolean)}, showing each image
     * the pass loads (with its similarities across classes) to a visitor that {@code visitors} makes per run
     * of images ({@link ErrorTally#of(ImageMatcher, double[], double, int, IntFunction)}).
     *
     * @param visitors null for none
     * @param chunks the runs of images, {@code 0 .. chunks - 1}; 1 walks them on the calling thread
     */
    static ErrorBreakdown compute(GroundTruth gt, Detections dt, CocoParams params, double foreground,
            double background, boolean allThresholds, IntFunction<ImageMatcher.Visitor> visitors, int chunks) {
        if (!(foreground > 0 && foreground <= 1)) {
            throw new IllegalArgumentException("foreground IoU must be in (0, 1], got " + foreground);
        }
        if (!(background >= 0 && background <= foreground)) {
            throw new IllegalArgumentException("background IoU must be in [0, foreground], got " + background);
        }
        double[] all = allThresholds ? params.iouThrs() : new double[0];
        int fgIndex = indexOf(all, foreground);
        double[] runs = fgIndex >= 0 ? all : append(all, foreground);
        if (fgIndex < 0) {
            fgIndex = all.length;
        }
        ImageMatcher matcher = new ImageMatcher(gt, dt, params, true);
        ErrorTally tally = ErrorTally.of(matcher, runs, background, chunks, visitors);
        double[][][] slices = new FixedAp(tally, params).slices();
        double[] ap = new double[FixedAp.FIXES];
        double[] apAll = new double[FixedAp.FIXES];
        for (int f = 0; f < FixedAp.FIXES; f++) {
            ap[f] = FixedAp.mean(slices[f][fgIndex]);
            apAll[f] = allThresholds ? FixedAp.mean(Arrays.copyOf(slices[f], all.length)) : Double.NaN;
        }
        long[] ids = params.useCats() ? matcher.categoryIds() : new long[] {-1};
        List<String> names = new ArrayList<>(ids.length);
        for (long id : ids) {
            Category c = id < 0 ? null : gt.category(id);
            names.add(c == null ? "" : c.name());
        }
        Counts tallied = counts(tally, fgIndex);
        int[][] counts = tallied.errors();
        int fp = 0;
        for (int type = 0; type < ErrorType.MISSED.ordinal(); type++) {
            fp += Arrays.stream(counts[type]).sum();
        }
        int fn = Arrays.stream(tally.positives).sum() - tallied.truePositives();
        return new ErrorBreakdown(foreground, background, all, ids, List.copyOf(names), counts, fp, fn, ap, apAll);
    }

    /** {@code errors}: {@code [type][class]}, missed ground truths included; the true positives of all classes. */
    private record Counts(int[][] errors, int truePositives) {
    }

    /** The counts at threshold {@code t}, from one walk over each class's entries. */
    private static Counts counts(ErrorTally tally, int t) {
        int truePositives = 0;
        int[][] counts = new int[TYPES][tally.classes];
        int[] perKind = new int[ErrorTally.BKG + 1];
        for (int c = 0; c < tally.classes; c++) {
            Arrays.fill(perKind, 0);
            byte[] kinds = tally.kind[t][c];
            for (int j = 0; j < tally.size[c]; j++) {
                perKind[kinds[j]]++;
            }
            counts[ErrorType.CLASSIFICATION.ordinal()][c] = perKind[ErrorTally.CLS_FIX] + perKind[ErrorTally.CLS_DROP];
            counts[ErrorType.LOCALIZATION.ordinal()][c] = perKind[ErrorTally.LOC_FIX] + perKind[ErrorTally.LOC_DROP];
            counts[ErrorType.BOTH.ordinal()][c] = perKind[ErrorTally.BOTH];
            counts[ErrorType.DUPLICATE.ordinal()][c] = perKind[ErrorTally.DUPE];
            counts[ErrorType.BACKGROUND.ordinal()][c] = perKind[ErrorTally.BKG];
            counts[ErrorType.MISSED.ordinal()][c] = tally.missed[t][c];
            truePositives += perKind[ErrorTally.TRUE_POSITIVE];
        }
        return new Counts(counts, truePositives);
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static double[] append(double[] values, double v) {
        double[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = v;
        return out;
    }

    /** The foreground IoU threshold: a detection needs this much overlap to be a hit. */
    public double foreground() {
        return foreground;
    }

    /** The background IoU threshold: below it a detection is on background. */
    public double background() {
        return background;
    }

    /** The IoU thresholds averaged in {@link #baseApAllThresholds()} (a copy); empty when not computed. */
    public double[] iouThresholds() {
        return thresholds.clone();
    }

    /** Whether the dAP over all thresholds was computed. */
    public boolean hasAllThresholds() {
        return thresholds.length > 0;
    }

    /** The category id of each per-category count, ascending (a copy); {@code [-1]} when pooled. */
    public long[] categoryIds() {
        return categoryIds.clone();
    }

    /** The category names in {@link #categoryIds()} order (empty strings when unnamed or pooled). */
    public List<String> categoryNames() {
        return names;
    }

    /** How many errors of this type there are at the foreground threshold, over all categories. */
    public int count(ErrorType type) {
        return Arrays.stream(counts[type.ordinal()]).sum();
    }

    /**
     * How many errors of this type category {@code k} (index into {@link #categoryIds()}) has; a class
     * error counts in the class the detection predicted, a miss in its ground truth's class.
     */
    public int count(ErrorType type, int k) {
        return counts[type.ordinal()][k];
    }

    /** The false positives at the foreground threshold: the sum of the counts of the first five types. */
    public int falsePositives() {
        return falsePositives;
    }

    /**
     * The ground truths that count and no detection hit at the foreground threshold: the misses plus the
     * ground truths a class or localisation error lies on (which are not counted as missed).
     */
    public int falseNegatives() {
        return falseNegatives;
    }

    /** COCO's AP at the foreground threshold (area all, maxDets 100); -1 without ground truth. */
    public double baseAp() {
        return ap[0];
    }

    /** The AP gained at the foreground threshold when the errors of this type are fixed; at least 0. */
    public double deltaAp(ErrorType type) {
        return Math.max(0, ap[type.ordinal() + 1] - ap[0]);
    }

    /** COCO's AP over {@link #iouThresholds()} (area all, maxDets 100); NaN when not computed. */
    public double baseApAllThresholds() {
        return apAll[0];
    }

    /** The AP over all thresholds gained when the errors of this type are fixed; NaN when not computed. */
    public double deltaApAllThresholds(ErrorType type) {
        return hasAllThresholds() ? Math.max(0, apAll[type.ordinal() + 1] - apAll[0]) : Double.NaN;
    }
}
