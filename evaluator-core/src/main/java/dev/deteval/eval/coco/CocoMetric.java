package dev.deteval.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One named COCO metric and what it averages: precision or recall, over every IoU threshold or at one,
 * for one area label, with one maxDets value. This is the vocabulary every report and the gate use;
 * names are derived from the parameters the evaluation actually ran with.
 *
 * <p>Names. {@code AP} is precision over all IoU thresholds, area {@code all}; {@code AP50}/{@code AP75}
 * at IoU 0.50/0.75; {@code APs}/{@code APm}/{@code APl} for the small/medium/large area labels;
 * {@code ARs}/{@code ARm}/{@code ARl} likewise for recall; {@code AR50}/{@code AR75} recall at IoU
 * 0.50/0.75. Recall over all thresholds at area {@code all} is {@code AR<maxDets>} ({@code AR1},
 * {@code AR10}, {@code AR100} with the default maxDets [1, 10, 100], {@code AR300} for maxDets 300), except
 * that a maxDets of 50 or 75 gives {@code AR50dets}/{@code AR75dets} (AR50 and AR75 are taken by the
 * IoU thresholds) and keypoint evaluations call their one such value {@code AR}, as pycocotools prints it.
 *
 * @param name the name in reports and rules
 * @param recall true for average recall, false for average precision
 * @param iouThreshold the one IoU threshold averaged, or NaN for the mean over all thresholds
 * @param area the area label ({@code all}, {@code small}, {@code medium}, {@code large}, or a custom one)
 * @param maxDets the detections per image counted, or -1 when the parameters have no entry at the
 *     position pycocotools reads (the value is then -1)
 */
public record CocoMetric(String name, boolean recall, double iouThreshold, String area, int maxDets) {

    /** Checks the name and area label. */
    public CocoMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(area, "area");
    }

    /** Whether the metric averages over every IoU threshold. */
    public boolean allThresholds() {
        return Double.isNaN(iouThreshold);
    }

    /**
     * What the metric is, for tables: e.g. {@code AP @[IoU=0.50:0.95 | area=all | maxDets=100]}.
     *
     * @param thresholds the IoU thresholds of the evaluation, to print their range
     */
    public String describe(double[] thresholds) {
        String iou = allThresholds() ? range(thresholds) : String.format(Locale.ROOT, "%.2f", iouThreshold);
        return (recall ? "AR" : "AP") + " @[IoU=" + iou + " | area=" + area + " | maxDets=" + maxDets + "]";
    }

    private static String range(double[] t) {
        return String.format(Locale.ROOT, "%.2f:%.2f", t[0], t[t.length - 1]);
    }

    /**
     * The headline metrics of an evaluation with {@code p}: for boxes and masks pycocotools' twelve
     * {@code stats} (AP, AP50, AP75, APs, APm, APl, three recalls by maxDets, ARs, ARm, ARl) then AR50 and
     * AR75; for keypoints pycocotools' ten (AP, AP50, AP75, APm, APl, AR, AR50, AR75, ARm, ARl). In
     * compat mode {@code AP} uses maxDets 100 whatever the list holds (pycocotools' {@code stats[0]}) and
     * the rest {@code maxDets[2]}; keypoints use 20; corrected mode uses the largest maxDets throughout.
     *
     * <p>The list is in pycocotools' order and always has 14 (keypoints: 10) entries, so
     * {@link CocoSummary#stats()} can keep pycocotools' positions; a name occurs once only where the
     * parameters make two entries the same (maxDets [100] gives AR100 three times), and
     * {@link #named(List)} keeps the first.
     */
    public static List<CocoMetric> headline(CocoParams p) {
        int count = p.maxDetCount();
        int largest = p.maxDet(count - 1);
        boolean compat = p.mode() == CocoMode.COMPAT;
        if (p.iouType() == IouType.KEYPOINTS) {
            int m = compat ? 20 : largest;
            return List.of(ap("AP", Double.NaN, "all", m), ap("AP50", 0.5, "all", m), ap("AP75", 0.75, "all", m),
                    ap("APm", Double.NaN, "medium", m), ap("APl", Double.NaN, "large", m),
                    ar("AR", Double.NaN, "all", m), ar("AR50", 0.5, "all", m), ar("AR75", 0.75, "all", m),
                    ar("ARm", Double.NaN, "medium", m), ar("ARl", Double.NaN, "large", m));
        }
        int headline = compat ? 100 : largest;
        int third = compat ? (count > 2 ? p.maxDet(2) : -1) : largest;
        int first = count > 0 ? p.maxDet(0) : -1;
        int second = count > 1 ? p.maxDet(1) : -1;
        return List.of(ap("AP", Double.NaN, "all", headline), ap("AP50", 0.5, "all", third),
                ap("AP75", 0.75, "all", third), ap("APs", Double.NaN, "small", third),
                ap("APm", Double.NaN, "medium", third), ap("APl", Double.NaN, "large", third),
                ar(recallName(first, "AR1"), Double.NaN, "all", first),
                ar(recallName(second, "AR10"), Double.NaN, "all", second),
                ar(recallName(third, "AR100"), Double.NaN, "all", third),
                ar("ARs", Double.NaN, "small", third), ar("ARm", Double.NaN, "medium", third),
                ar("ARl", Double.NaN, "large", third), ar("AR50", 0.5, "all", third), ar("AR75", 0.75, "all", third));
    }

    /**
     * The per-category metrics of an evaluation with {@code p}, all at the largest maxDets: AP, AP50,
     * AP75, APs (not for keypoints, which have no small area), APm, APl and the recall
     * {@code AR<largest maxDets>} (AR100 with the defaults, AR20 for keypoints).
     */
    public static List<CocoMetric> perCategory(CocoParams p) {
        int largest = p.maxDet(p.maxDetCount() - 1);
        List<CocoMetric> list = new ArrayList<>(List.of(ap("AP", Double.NaN, "all", largest),
                ap("AP50", 0.5, "all", largest), ap("AP75", 0.75, "all", largest)));
        if (p.iouType() != IouType.KEYPOINTS) {
            list.add(ap("APs", Double.NaN, "small", largest));
        }
        list.add(ap("APm", Double.NaN, "medium", largest));
        list.add(ap("APl", Double.NaN, "large", largest));
        list.add(ar(recallName(largest, "AR"), Double.NaN, "all", largest));
        return List.copyOf(list);
    }

    /**
     * The warning for a compat-mode AP when the maxDets list lacks 100: pycocotools computes its
     * {@code stats[0]} at maxDets 100 whatever the list holds, so AP is -1; null when that is not the case.
     */
    public static String headlineWarning(CocoParams p) {
        if (p.mode() != CocoMode.COMPAT || p.iouType() == IouType.KEYPOINTS
                || Arrays.stream(p.maxDets()).anyMatch(m -> m == 100)) {
            return null;
        }
        return "AP is -1: in compat mode pycocotools computes AP at maxDets 100, which the maxDets list "
                + Arrays.toString(p.maxDets()) + " lacks; use --mode corrected (plugin: <mode>corrected</mode>) for"
                + " AP at the largest maxDets (" + p.maxDet(p.maxDetCount() - 1) + ")";
    }

    /** The metrics of {@code all} whose name has not occurred before, in order. */
    public static List<CocoMetric> named(List<CocoMetric> all) {
        Set<String> seen = new LinkedHashSet<>();
        return all.stream().filter(m -> seen.add(m.name())).toList();
    }

    /**
     * Whether {@code name} (any case) is a COCO metric name some parameters can give, and its canonical
     * spelling ({@code ar300} gives {@code AR300}); null when it is not.
     */
    public static String canonical(String name) {
        String t = name == null ? "" : name.trim();
        for (String fixed : List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "ARs", "ARm", "ARl", "AR50", "AR75",
                "AR")) {
            if (fixed.equalsIgnoreCase(t)) {
                return fixed;
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ar")) {
            String digits = lower.endsWith("dets") ? lower.substring(2, lower.length() - 4) : lower.substring(2);
            if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(Character::isDigit)
                    && digits.charAt(0) != '0') {
                return recallName(Integer.parseInt(digits), "AR");
            }
        }
        return null;
    }

    /** The recall name for {@code maxDets}, or {@code fallback} when there is no such entry (-1). */
    private static String recallName(int maxDets, String fallback) {
        if (maxDets < 0) {
            return fallback;
        }
        return maxDets == 50 || maxDets == 75 ? "AR" + maxDets + "dets" : "AR" + maxDets;
    }

    private static CocoMetric ap(String name, double iou, String area, int maxDets) {
        return new CocoMetric(name, false, iou, area, maxDets);
    }

    private static CocoMetric ar(String name, double iou, String area, int maxDets) {
        return new CocoMetric(name, true, iou, area, maxDets);
    }

    /**
     * Why this metric came out as -1 under {@code p}, from what it needs: a maxDets entry, an IoU
     * threshold, an area label, or ground truth in its area range.
     */
    public String missingReason(CocoParams p) {
        int[] list = p.maxDets();
        if (maxDets < 0) {
            return "the maxDets list " + Arrays.toString(list) + " is too short for it";
        }
        if (Arrays.stream(list).noneMatch(m -> m == maxDets)) {
            return "the maxDets list " + Arrays.toString(list) + " has no entry " + maxDets;
        }
        if (!allThresholds() && Arrays.stream(p.iouThrs()).noneMatch(t -> t == iouThreshold)) {
            return "the IoU thresholds " + Arrays.toString(p.iouThrs()) + " do not include " + iouThreshold;
        }
        if (!Arrays.asList(p.areaRngLbl()).contains(area)) {
            return "the parameters have no '" + area + "' area range";
        }
        return area.equals("all") ? "there is no ground truth in the evaluated images and categories"
                : "there is no ground truth in the " + area + " area range";
    }
}
