package dev.deteval.eval.coco;

/**
 * Per-category COCO numbers, each the mean of the category's table entries greater than -1 (area "all"
 * and the largest maxDets unless noted), or -1 when the category has no ground truth that is not
 * ignored.
 *
 * @param id the category id (-1 for the pooled row when categories are not used)
 * @param name the category name (empty if unknown)
 * @param ap AP averaged over the IoU thresholds
 * @param ap50 AP at IoU 0.50
 * @param ap75 AP at IoU 0.75
 * @param apSmall AP for area "small"
 * @param apMedium AP for area "medium"
 * @param apLarge AP for area "large"
 * @param ar AR averaged over the IoU thresholds, at the largest maxDets (AR100 with the defaults)
 */
public record CategoryMetrics(long id, String name, double ap, double ap50, double ap75, double apSmall,
        double apMedium, double apLarge, double ar) {

    /**
     * A metric by name: {@code AP}, {@code AP50}, {@code AP75}, {@code APs}, {@code APm}, {@code APl},
     * {@code AR100} (also accepted: {@code AR}).
     */
    public double metric(String metricName) {
        return switch (metricName) {
            case "AP" -> ap;
            case "AP50" -> ap50;
            case "AP75" -> ap75;
            case "APs" -> apSmall;
            case "APm" -> apMedium;
            case "APl" -> apLarge;
            case "AR100", "AR" -> ar;
            default -> throw new IllegalArgumentException("unknown per-category metric '" + metricName
                    + "'; known: AP, AP50, AP75, APs, APm, APl, AR100");
        };
    }
}
