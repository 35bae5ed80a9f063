package dev.deteval.eval.check;

import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Explains each headline COCO statistic that came out as -1, from the parameters it needed. */
final class CocoMissingReasons {

    private static final List<String> NAMES = MetricSnapshot.Protocol.COCO.datasetMetrics();
    private static final double[] IOU = {-1, 0.5, 0.75, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0.5, 0.75};
    private static final String[] AREA = {"all", "all", "all", "small", "medium", "large", "all", "all", "all",
        "small", "medium", "large", "all", "all"};

    private static final double[] KEYPOINT_IOU = {-1, 0.5, 0.75, -1, -1, -1, 0.5, 0.75, -1, -1};
    private static final String[] KEYPOINT_AREA = {"all", "all", "all", "medium", "large", "all", "all", "all",
        "medium", "large"};

    private CocoMissingReasons() {
    }

    static Map<String, String> of(CocoResult result) {
        CocoParams p = result.params();
        int[] used = result.summary().maxDetsUsed();
        Map<String, String> reasons = new HashMap<>();
        if (result.summary().keypoints()) {
            List<String> names = dev.deteval.eval.coco.CocoSummary.KEYPOINT_STAT_NAMES;
            for (int i = 0; i < names.size(); i++) {
                if (MetricSnapshot.isMissing(result.summary().stat(names.get(i)))) {
                    reasons.put(names.get(i), reason(p, used[i], KEYPOINT_IOU[i], KEYPOINT_AREA[i]));
                }
            }
            return reasons;
        }
        for (int i = 0; i < NAMES.size() - 1; i++) {
            String name = NAMES.get(i);
            if (MetricSnapshot.isMissing(result.summary().stat(name))) {
                int maxDets = i < used.length ? used[i] : used[8];
                reasons.put(name, reason(p, maxDets, IOU[i], AREA[i]));
            }
        }
        return reasons;
    }

    private static String reason(CocoParams p, int maxDets, double iou, String area) {
        int[] list = p.maxDets();
        if (maxDets < 0) {
            return "the maxDets list " + Arrays.toString(list) + " is too short for it";
        }
        if (Arrays.stream(list).noneMatch(m -> m == maxDets)) {
            return "the maxDets list " + Arrays.toString(list) + " has no entry " + maxDets;
        }
        if (iou >= 0 && Arrays.stream(p.iouThrs()).noneMatch(t -> t == iou)) {
            return "the IoU thresholds " + Arrays.toString(p.iouThrs()) + " do not include " + iou;
        }
        if (!Arrays.asList(p.areaRngLbl()).contains(area)) {
            return "the parameters have no '" + area + "' area range";
        }
        return area.equals("all") ? "there is no ground truth in the evaluated images and categories"
                : "there is no ground truth in the " + area + " area range";
    }
}
