package dev.deteval.eval.check;

import java.util.List;
import java.util.Locale;

/** The metric names a limit may use, matched case-insensitively and returned in their canonical spelling. */
final class MetricNames {

    /** Every name any protocol reports, canonical spelling ({@code AR}: COCO keypoints, at maxDets 20). */
    static final List<String> ALL = List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100",
            "ARs", "ARm", "ARl", "AR50", "AR75", "AR", "mAP");

    private MetricNames() {
    }

    /**
     * The canonical spelling of {@code name} ({@code ap50} gives {@code AP50}, {@code map} gives
     * {@code mAP}).
     *
     * @throws InvalidRuleException when no metric has that name
     */
    static String canonical(String name) {
        String t = name == null ? "" : name.trim();
        for (String known : ALL) {
            if (known.equalsIgnoreCase(t)) {
                return known;
            }
        }
        if (t.isEmpty()) {
            throw new InvalidRuleException("a limit has no metric; known metrics: " + String.join(", ", ALL));
        }
        throw new InvalidRuleException("unknown metric '" + name + "'; known metrics: " + String.join(", ", ALL));
    }

    /** The area label a metric name refers to ({@code APs} gives {@code small}), or null. */
    static String areaLabel(String metric) {
        if (metric.length() == 3 && (metric.startsWith("AP") || metric.startsWith("AR"))) {
            return switch (metric.toLowerCase(Locale.ROOT).charAt(2)) {
                case 's' -> "small";
                case 'm' -> "medium";
                case 'l' -> "large";
                default -> null;
            };
        }
        return null;
    }
}
