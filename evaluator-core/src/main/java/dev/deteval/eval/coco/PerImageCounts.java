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
    public static final Comparator<ImageCounts> WORST_FIRST = Comparator.comparingInt(ImageCounts::errors)
            .reversed().thenComparing(Comparator.comparingInt(ImageCounts::fn).reversed())
            .thenComparingLong(ImageCounts::imageId);

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
        Map<Long, String> names = new HashMap<>();
        for (int i = 0; i < gt.imageCount(); i++) {
            names.put(gt.imageId(i), gt.imageFileName(i));
        }
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
}
