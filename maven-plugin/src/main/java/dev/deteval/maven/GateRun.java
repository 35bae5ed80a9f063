package dev.deteval.maven;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.MetricSnapshot.Protocol;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.check.RulesChecker;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.io.ReportJsonReader;
import dev.deteval.eval.report.ProtocolEvaluation;
import dev.deteval.eval.voc.VocParams;
import java.nio.file.Path;
import java.util.List;

/**
 * The bridge from the mojo's parameters to evaluator-core: reads the inputs, evaluates with the
 * protocol's evaluator, checks the rules. Throws evaluator-core's exceptions ({@code InputException},
 * {@link InvalidRuleException}, {@link IllegalArgumentException}); the mojo turns them into Maven's.
 */
final class GateRun {

    /** The mojo's settings, files already resolved against the project. */
    record Settings(Path groundTruth, Path detections, String protocol, String mode, Path params, Path baseline,
            String iouType) {
    }

    /** An evaluation and the gate's verdict on it. */
    record Result(ProtocolEvaluation evaluation, CheckResult check) {
    }

    private GateRun() {
    }

    static Result run(Settings s, List<Rule> rules) {
        Protocol protocol = Protocol.parse(s.protocol());
        RulesChecker checker = new RulesChecker(rules);
        if (s.baseline() == null && checker.needsBaseline()) {
            throw new InvalidRuleException("a <maximumDrop> limit needs a <baseline> (the report.json of an earlier"
                    + " run); none is configured");
        }
        MetricSnapshot baseline = s.baseline() == null ? null : ReportJsonReader.read(s.baseline());
        checker.validate(protocol, baseline);
        ProtocolEvaluation evaluation = protocol == Protocol.COCO
                ? ProtocolEvaluation.coco(s.groundTruth(), s.detections(), s.params(), CocoMode.parse(s.mode()),
                        s.iouType() == null ? null : IouType.of(s.iouType().trim()))
                : ProtocolEvaluation.voc(s.groundTruth(), s.detections(), protocol, null, VocParams.defaults());
        return new Result(evaluation, checker.check(evaluation.snapshot(), baseline));
    }
}
