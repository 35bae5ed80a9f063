package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * True positives, false positives and false negatives of every evaluated image at one operating point,
 * so the worst images can be looked at first.
 *
 * <p>The counts are those of {@link OperatingPoints} split by image: COCO's matching at one IoU threshold,
 * area "all" and maxDets 100 per image and category; a detection counts when its score is at least the
 * confidence and the matching did not ignore it (crowd or ignored ground truth, or beyond the 100 best of
 * its image and category). {@code fn} is the image's ground truths that count minus its {@code tp}. Summed
 * over the images, the counts equal the pooled operating point's {@code tp}, {@code fp} and {@code fn}.
 * Immutable.
 */
public final class PerImageCounts {

    /** Worst first: more {@code fp + fn} first, then more {@code fn}, then ascending image id. */
    public static final Comparator<ImageCounts> WORST_FIRST = new WorstFirst();

    private final double iou;
    private final double confidence;
    private final List<ImageCounts> images;

    private PerImageCounts(double iou, double confidence, List<ImageCounts> images) {
        this.iou = iou;
        this.confidence = confidence;
        this.images = images;
    }

    /**
     * Counts every evaluated image (those without any detection or ground truth too).
     *
     * @param params the mode, IoU type, use of categories and id filters; thresholds, area ranges and
     *     maxDets are not used
     * @param iou the IoU threshold of a hit, in [0, 1]
     * @param confidence the score a detection needs to count
     */
    public static PerImageCounts compute(GroundTruth gt, Detections dt, CocoParams params, double iou,
            double confidence) {
        if (!(iou >= 0 && iou <= 1)) {
            throw new IllegalArgumentException("IoU threshold must be in [0, 1], got " + iou);
        }
        Map<Long, String> names = names(gt);
        ImageMatcher matcher = new ImageMatcher(gt, dt, params, false);
        int images = matcher.imageCount();
        ImageCounts[] rows = new ImageCounts[images];
        int parts = Math.max(1, Math.min(images, 4 * Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, parts).parallel().forEach(part -> {
            ImageMatcher m = part == 0 ? matcher : matcher.copy();
            for (int i = (int) ((long) images * part / parts); i < (long) images * (part + 1) / parts; i++) {
                rows[i] = count(m, i, iou, confidence, names);
            }
        });
        List<ImageCounts> out = new ArrayList<>(Arrays.asList(rows));
        out.sort(WORST_FIRST);
        return new PerImageCounts(iou, confidence, List.copyOf(out));
    }

    /**
     * The same counts as {@link #compute(GroundTruth, Detections, CocoParams, double, double) compute(gt, dt,
     * evaluated's parameters, iou, confidence)}, read from the evaluation's own match table when it can give
     * them (see {@link OperatingPoints#compute(OutcomeTable, GroundTruth, Detections, double)}), otherwise
     * matched again.
     *
     * @param evaluated an evaluation of {@code dt} against {@code gt}
     * @param iou the IoU threshold of a hit, in [0, 1]
     * @param confidence the score a detection needs to count
     */
    public static PerImageCounts compute(OutcomeTable evaluated, GroundTruth gt, Detections dt, double iou,
            double confidence) {
        int row = evaluated.operatingRow(iou);
        if (row < 0) {
            return compute(gt, dt, evaluated.params(), iou, confidence);
        }
        int images = evaluated.imageCount();
        int[] tp = new int[images];
        int[] fp = new int[images];
        int[] positives = new int[images];
        int area = evaluated.areaOfRow(row);
        int areas = evaluated.params().areaCount();
        for (int k = 0; k < evaluated.categoryRows(); k++) {
            CategoryResample r = evaluated.row(k);
            tally(r, evaluated.scores(k), row, confidence, tp, fp);
            int[] gtImages = r.gtImages();
            int[] counted = r.counted();
            for (int e = 0; e < gtImages.length; e++) {
                positives[gtImages[e]] += counted[e * areas + area];
            }
        }
        Map<Long, String> names = names(gt);
        List<ImageCounts> out = new ArrayList<>(images);
        for (int i = 0; i < images; i++) {
            long id = evaluated.imageId(i);
            out.add(new ImageCounts(id, names.getOrDefault(id, ""), tp[i], fp[i], positives[i] - tp[i]));
        }
        out.sort(WORST_FIRST);
        return new PerImageCounts(iou, confidence, List.copyOf(out));
    }

    /**
     * Adds each counted detection of one category row (rank below 100, score at least {@code confidence},
     * not ignored at (area, threshold) row {@code row}) to its image's {@code tp} or {@code fp}.
     */
    private static void tally(CategoryResample r, double[] scores, int row, double confidence, int[] tp, int[] fp) {
        int[] rank = r.rank();
        int[] imageOf = r.imageOf();
        long[] tpBits = r.tp();
        long[] ignoredBits = r.ignored();
        int base = row * CategoryOutcomes.words(scores.length);
        // the row is in merged order, descending score: the rest of it is below the confidence too
        for (int i = 0; i < scores.length && !(scores[i] < confidence); i++) {
            long bit = 1L << i;
            int w = base + (i >>> 6);
            if (rank[i] >= ImageMatcher.MAX_DETS || (ignoredBits[w] & bit) != 0) {
                continue;
            }
            if ((tpBits[w] & bit) != 0) {
                tp[imageOf[i]]++;
            } else {
                fp[imageOf[i]]++;
            }
        }
    }

    private static Map<Long, String> names(GroundTruth gt) {
        Map<Long, String> names = new HashMap<>();
        for (int i = 0; i < gt.imageCount(); i++) {
            names.put(gt.imageId(i), gt.imageFileName(i));
        }
        return names;
    }

    private static ImageCounts count(ImageMatcher m, int i, double iou, double confidence, Map<Long, String> names) {
        m.load(i);
        m.match(iou);
        int tp = 0;
        int fp = 0;
        for (int d = 0; d < m.dtCount; d++) {
            if (m.dtScore[d] < confidence || m.state[d] == ImageMatcher.IGNORED) {
                continue;
            }
            if (m.state[d] == ImageMatcher.TP) {
                tp++;
            } else {
                fp++;
            }
        }
        int positives = 0;
        for (int c = 0; c < m.classCount(); c++) {
            positives += m.countedGroundTruths(c);
        }
        long id = m.imageId(i);
        return new ImageCounts(id, names.getOrDefault(id, ""), tp, fp, positives - tp);
    }

    /** The IoU threshold of a hit. */
    public double iou() {
        return iou;
    }

    /** The confidence a detection needs to count. */
    public double confidence() {
        return confidence;
    }

    /** One entry per evaluated image, sorted by {@link #WORST_FIRST}. */
    public List<ImageCounts> worstFirst() {
        return images;
    }

    /**
     * {@link #WORST_FIRST} written out: a chain of comparator combinators and method references links a method
     * handle per step on its first use, a few milliseconds of a short run.
     */
    private static final class WorstFirst implements Comparator<ImageCounts> {
        @Override
        public int compare(ImageCounts a, ImageCounts b) {
            int byErrors = Integer.compare(b.errors(), a.errors());
            if (byErrors != 0) {
                return byErrors;
            }
            int byMisses = Integer.compare(b.fn(), a.fn());
            return byMisses != 0 ? byMisses : Long.compare(a.imageId(), b.imageId());
        }
    }
}
