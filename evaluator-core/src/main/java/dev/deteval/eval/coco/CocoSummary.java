package dev.deteval.eval.coco;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The headline COCO numbers: pycocotools' twelve {@code stats} plus AR at IoU 0.50 and 0.75. Each value
 * is in [0, 1], or -1 when it cannot be computed (no ground truth in the selection, the threshold, area
 * label or maxDets value it needs is not among the parameters).
 *
 * <p>In compat mode {@code ap} is averaged at maxDets = 100 whatever the parameters say, and the other
 * values at the third maxDets entry ({@code maxDets[2]}); in corrected mode both use the largest.
 *
 * <p>Keypoint evaluations ({@link IouType#KEYPOINTS}) have pycocotools' ten keypoint statistics instead
 * ({@link #KEYPOINT_STAT_NAMES}: AP, AP50, AP75, APm, APl, AR, AR50, AR75, ARm, ARl), all at maxDets = 20
 * in compat mode (the largest maxDets in corrected mode). They use the fields of the same meaning; AR
 * (area "all", every IoU threshold) is held in {@code ar100}, and {@code apSmall}, {@code ar1},
 * {@code ar10} and {@code arSmall} are -1.
 *
 * @param ap AP averaged over the IoU thresholds, area "all"
 * @param ap50 AP at IoU 0.50
 * @param ap75 AP at IoU 0.75
 * @param apSmall AP for area "small"
 * @param apMedium AP for area "medium"
 * @param apLarge AP for area "large"
 * @param ar1 AR with maxDets[0] detections per image
 * @param ar10 AR with maxDets[1]
 * @param ar100 AR with maxDets[2]
 * @param arSmall AR for area "small"
 * @param arMedium AR for area "medium"
 * @param arLarge AR for area "large"
 * @param ar50 AR at IoU 0.50 (not one of pycocotools' twelve)
 * @param ar75 AR at IoU 0.75 (not one of pycocotools' twelve)
 * @param maxDetsUsed the maxDets value behind each of the twelve (keypoints: ten) stats, in order (-1
 *     where the parameters have no such entry)
 * @param iouType the kind of evaluation, which selects the statistics {@link #stats()} lists
 */
public record CocoSummary(double ap, double ap50, double ap75, double apSmall, double apMedium, double apLarge,
        double ar1, double ar10, double ar100, double arSmall, double arMedium, double arLarge, double ar50,
        double ar75, int[] maxDetsUsed, IouType iouType) {

    /** The names of the twelve stats, as in deteval's JSON output. */
    public static final List<String> STAT_NAMES = List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10",
            "AR100", "ARs", "ARm", "ARl");

    /** Names of the ten keypoint stats, in pycocotools' order ({@code _summarizeKps}). */
    public static final List<String> KEYPOINT_STAT_NAMES = List.of("AP", "AP50", "AP75", "APm", "APl", "AR",
            "AR50", "AR75", "ARm", "ARl");

    /** Defensive copy of the maxDets list. */
    public CocoSummary {
        maxDetsUsed = maxDetsUsed.clone();
        Objects.requireNonNull(iouType, "iouType");
    }

    /** The maxDets value behind each stat of {@link #stats()} (a copy). */
    @Override
    public int[] maxDetsUsed() {
        return maxDetsUsed.clone();
    }

    /** Equal when every value, the maxDets list (by content) and the iouType are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CocoSummary o && Arrays.equals(stats(), o.stats())
                && Double.compare(ar50, o.ar50) == 0 && Double.compare(ar75, o.ar75) == 0
                && Arrays.equals(maxDetsUsed, o.maxDetsUsed) && iouType == o.iouType
                && Double.compare(apSmall, o.apSmall) == 0 && Double.compare(ar1, o.ar1) == 0
                && Double.compare(ar10, o.ar10) == 0 && Double.compare(arSmall, o.arSmall) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(stats()) + Arrays.hashCode(maxDetsUsed)) + iouType.hashCode();
    }

    /** The named values and the maxDets behind each, e.g. {@code CocoSummary[bbox: AP=0.5 (maxDets 100), …]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("CocoSummary[").append(iouType.name().toLowerCase(Locale.ROOT)).append(':');
        List<String> names = statNames();
        double[] values = stats();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? " " : ", ").append(names.get(i)).append('=').append(values[i])
                    .append(" (maxDets ").append(maxDetsUsed[i]).append(')');
        }
        if (!keypoints()) {
            out.append(", AR50=").append(ar50).append(", AR75=").append(ar75);
        }
        return out.append(']').toString();
    }

    /** True for the ten keypoint statistics. */
    public boolean keypoints() {
        return iouType == IouType.KEYPOINTS;
    }

    /** The names of {@link #stats()}: {@link #STAT_NAMES} or {@link #KEYPOINT_STAT_NAMES}. */
    public List<String> statNames() {
        return keypoints() ? KEYPOINT_STAT_NAMES : STAT_NAMES;
    }

    /** The twelve (keypoints: ten) values in pycocotools' {@code stats} order. */
    public double[] stats() {
        if (keypoints()) {
            return new double[] {ap, ap50, ap75, apMedium, apLarge, ar100, ar50, ar75, arMedium, arLarge};
        }
        return new double[] {ap, ap50, ap75, apSmall, apMedium, apLarge, ar1, ar10, ar100, arSmall, arMedium,
            arLarge};
    }

    /**
     * A stat by name: one of {@link #statNames()}, or (boxes and masks) {@code AR50}, {@code AR75}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public double stat(String name) {
        int i = statNames().indexOf(name);
        if (i >= 0) {
            return stats()[i];
        }
        if (keypoints()) {
            throw new IllegalArgumentException("unknown COCO keypoint stat '" + name + "'; known: "
                    + KEYPOINT_STAT_NAMES);
        }
        return switch (name) {
            case "AR50" -> ar50;
            case "AR75" -> ar75;
            default -> throw new IllegalArgumentException("unknown COCO stat '" + name + "'; known: " + STAT_NAMES
                    + ", AR50, AR75");
        };
    }
}
