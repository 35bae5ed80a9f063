package dev.deteval.maven;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.MetricSnapshot.Protocol;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.check.RulesChecker;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import dev.deteval.eval.io.ReportJsonReader;
import dev.deteval.eval.report.CocoTextReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bridge from the mojo's parameters to evaluator-core: reads the inputs, evaluates, checks the rules.
 * Throws evaluator-core's exceptions ({@code InputException}, {@link InvalidRuleException},
 * {@link IllegalArgumentException}); the mojo turns them into Maven's.
 */
final class GateRun {

    /** The mojo's settings, files already resolved against the project. */
    record Settings(Path groundTruth, Path detections, String protocol, String mode, Path params, Path baseline) {
    }

    /** What a run produced. */
    record Result(CocoResult coco, MetricSnapshot snapshot, CheckResult check, List<String> warnings,
            List<String> headline) {
    }

    private GateRun() {
    }

    static Result run(Settings s, List<Rule> rules) {
        Protocol protocol = Protocol.parse(s.protocol());
        CocoMode mode = CocoMode.parse(s.mode());
        RulesChecker checker = new RulesChecker(rules);
        if (s.baseline() == null && checker.needsBaseline()) {
            throw new InvalidRuleException("a <maximumDrop> limit needs a <baseline> (the report.json of an earlier"
                    + " run); none is configured");
        }
        MetricSnapshot baseline = s.baseline() == null ? null : ReportJsonReader.read(s.baseline());
        checker.validate(protocol, baseline);
        if (protocol != Protocol.COCO) {
            throw new IllegalArgumentException("protocol " + protocol.id() + " is not available in this version of"
                    + " the plugin; use coco");
        }
        CocoParams params = s.params() == null ? CocoParams.builder(mode).build()
                : CocoParamsReader.read(s.params(), mode);
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(s.groundTruth());
        Detections dt = reader.readResults(s.detections(), gt);
        CocoResult result = CocoEvaluator.evaluate(gt, dt, params);
        MetricSnapshot snapshot = MetricSnapshot.of(result);
        CheckResult check = checker.check(snapshot, baseline);
        List<String> warnings = new ArrayList<>(reader.warnings());
        warnings.addAll(result.warnings());
        return new Result(result, snapshot, check, warnings, CocoTextReport.summaryLines(result));
    }
}
