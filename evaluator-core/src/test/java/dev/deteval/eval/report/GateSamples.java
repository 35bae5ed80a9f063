package dev.deteval.eval.report;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.MetricSnapshot.CategoryValues;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.check.RulesChecker;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Snapshots and gate runs for the report writers' tests (as {@code check.RulesCheckerTest} builds them). */
final class GateSamples {

    private GateSamples() {
    }

    static MetricSnapshot coco(double ap, double personAp, double carAp) {
        Map<String, Double> stats = new LinkedHashMap<>();
        for (String name : List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm",
                "ARl", "AR50", "AR75")) {
            stats.put(name, 0.5);
        }
        stats.put("AP", ap);
        stats.put("APs", -1.0);
        return MetricSnapshot.of(Protocol.COCO, "compat", stats, List.of(
                row(1, "person", personAp), row(3, "car", carAp), row(8, "truck", -1), row(9, "carrot", 0.2)));
    }

    static CategoryValues row(long id, String name, double ap) {
        return new CategoryValues(id, name, Map.of("AP", ap, "AP50", ap, "APs", -1.0));
    }

    static CheckResult check(MetricSnapshot current, MetricSnapshot baseline, String... rules) {
        return new RulesChecker(Arrays.stream(rules).map(RuleSyntax::parse).toList()).check(current, baseline);
    }
}
