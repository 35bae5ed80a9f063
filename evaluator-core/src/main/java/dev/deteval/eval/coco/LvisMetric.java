package dev.deteval.eval.coco;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One named LVIS metric and what it averages, the vocabulary of LVIS reports and gate rules (the LVIS
 * counterpart of {@link CocoMetric}). Names follow lvis-api's {@code results} keys, without its
 * {@code @300} suffix on recalls: every LVIS number counts at most 300 detections per image.
 *
 * <p>{@code AP}, {@code AP50}, {@code AP75}: precision over all IoU thresholds, at 0.50, at 0.75 (area
 * all); {@code APs}, {@code APm}, {@code APl}: area small, medium, large; {@code APr}, {@code APc},
 * {@code APf}: area all, only the categories of frequency group rare, common, frequent; {@code AR},
 * {@code ARs}, {@code ARm}, {@code ARl}: recall over all IoU thresholds (lvis-api's {@code AR@300},
 * {@code ARs@300}, …).
 *
 * @param name the name in reports and rules
 * @param recall true for average recall, false for average precision
 * @param iouThreshold the one IoU threshold averaged, or NaN for the mean over all thresholds
 * @param area the area label: {@code all}, {@code small}, {@code medium} or {@code large}
 * @param frequency the frequency group averaged, or null for every category
 */
public record LvisMetric(String name, boolean recall, double iouThreshold, String area, Frequency frequency) {

    private static final List<LvisMetric> HEADLINE = List.of(
            ap("AP", Double.NaN, "all", null), ap("AP50", 0.5, "all", null), ap("AP75", 0.75, "all", null),
            ap("APs", Double.NaN, "small", null), ap("APm", Double.NaN, "medium", null),
            ap("APl", Double.NaN, "large", null), ap("APr", Double.NaN, "all", Frequency.RARE),
            ap("APc", Double.NaN, "all", Frequency.COMMON), ap("APf", Double.NaN, "all", Frequency.FREQUENT),
            ar("AR", "all"), ar("ARs", "small"), ar("ARm", "medium"), ar("ARl", "large"));

    private static final List<LvisMetric> PER_CATEGORY = List.of(HEADLINE.get(0), HEADLINE.get(1), HEADLINE.get(2),
            HEADLINE.get(9));

    /** Checks the name and area label. */
    public LvisMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(area, "area");
    }

    /** Whether the metric averages over every IoU threshold. */
    public boolean allThresholds() {
        return Double.isNaN(iouThreshold);
    }

    /** lvis-api's thirteen results in its order: AP, AP50, AP75, APs, APm, APl, APr, APc, APf, AR, ARs, ARm, ARl. */
    public static List<LvisMetric> headline() {
        return HEADLINE;
    }

    /** The metrics of each category row: AP, AP50, AP75 and AR (area all). */
    public static List<LvisMetric> perCategory() {
        return PER_CATEGORY;
    }

    /**
     * The canonical spelling of an LVIS dataset metric name in any case ({@code apr} gives {@code APr});
     * lvis-api's recall keys ({@code AR@300}, {@code ARs@300}, …) are accepted too. Null when it is none.
     */
    public static String canonical(String name) {
        String t = name == null ? "" : name.trim();
        if (t.endsWith("@300")) {
            t = t.substring(0, t.length() - 4);
        }
        for (LvisMetric m : HEADLINE) {
            if (m.name.equalsIgnoreCase(t)) {
                return m.name;
            }
        }
        return null;
    }

    /** Like {@link #canonical(String)}, for the metrics a category row has; null otherwise. */
    public static String canonicalPerCategory(String name) {
        String c = canonical(name);
        return c != null && PER_CATEGORY.stream().anyMatch(m -> m.name.equals(c)) ? c : null;
    }

    /**
     * The line lvis-api's {@code print_results()} prints for this metric without the value, e.g.
     * {@code  Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=300 catIds=  r] = }.
     *
     * @param thresholds the IoU thresholds of the evaluation, to print their range
     * @param maxDets the detection limit per image
     */
    public String printedPrefix(double[] thresholds, int maxDets) {
        String iou = allThresholds()
                ? String.format(Locale.ROOT, "%.2f:%.2f", thresholds[0], thresholds[thresholds.length - 1])
                : String.format(Locale.ROOT, "%.2f", iouThreshold);
        String areaLetter = area.equals("all") ? "all" : area.substring(0, 1);
        String group = frequency == null ? "all" : frequency.letter();
        return String.format(Locale.ROOT, " %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d catIds=%3s] = ",
                recall ? "Average Recall" : "Average Precision", recall ? "(AR)" : "(AP)", iou, areaLetter, maxDets,
                group);
    }

    /** Why this metric is -1: there is no ground truth where it looks. */
    public String missingReason() {
        if (frequency != null) {
            return "no category of frequency group '" + frequency.letter() + "' has ground truth";
        }
        return area.equals("all") ? "there is no ground truth in the evaluated images and categories"
                : "there is no ground truth in the " + area + " area range";
    }

    private static LvisMetric ap(String name, double iou, String area, Frequency group) {
        return new LvisMetric(name, false, iou, area, group);
    }

    private static LvisMetric ar(String name, String area) {
        return new LvisMetric(name, true, Double.NaN, area, null);
    }
}
