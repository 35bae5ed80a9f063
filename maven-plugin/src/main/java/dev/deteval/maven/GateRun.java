package dev.deteval.maven;

import com.fasterxml.jackson.core.JsonGenerator;
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
import dev.deteval.eval.report.JsonReport;
import dev.deteval.eval.report.MarkdownReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bridge from the mojo's parameters to evaluator-core: reads the inputs, evaluates with the
 * protocol's evaluator, checks the rules. Throws evaluator-core's exceptions ({@code InputException},
 * {@link InvalidRuleException}, {@link IllegalArgumentException}); the mojo turns them into Maven's.
 */
final class GateRun {

    /** The mojo's settings, files already resolved against the project. */
    record Settings(Path groundTruth, Path detections, String protocol, String mode, Path params, Path baseline) {
    }

    /** Writes the protocol's members of the JSON report into an object the caller has started. */
    interface JsonMembers {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * What an evaluation produced, whatever the protocol.
     *
     * @param snapshot the metric values the rules see
     * @param warnings warnings about the input
     * @param headline the lines logged after the success message
     * @param jsonMembers the protocol's JSON report members
     * @param markdown the protocol's Markdown report
     */
    record Evaluation(MetricSnapshot snapshot, List<String> warnings, List<String> headline, JsonMembers jsonMembers,
            String markdown) {
    }

    /** An evaluation and the gate's verdict on it. */
    record Result(Evaluation evaluation, CheckResult check) {
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
        Evaluation evaluation = switch (protocol) {
            case COCO -> coco(s);
            case VOC07, VOC12 -> throw new IllegalArgumentException("protocol " + protocol.id() + " is not"
                    + " available in this version of the plugin; use coco");
        };
        return new Result(evaluation, checker.check(evaluation.snapshot(), baseline));
    }

    private static Evaluation coco(Settings s) {
        CocoMode mode = CocoMode.parse(s.mode());
        CocoParams params = s.params() == null ? CocoParams.builder(mode).build()
                : CocoParamsReader.read(s.params(), mode);
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(s.groundTruth());
        Detections dt = reader.readResults(s.detections(), gt);
        CocoResult result = CocoEvaluator.evaluate(gt, dt, params);
        List<String> warnings = new ArrayList<>(reader.warnings());
        warnings.addAll(result.warnings());
        return new Evaluation(MetricSnapshot.of(result), warnings, CocoTextReport.summaryLines(result),
                g -> JsonReport.writeCocoMembers(result, g), MarkdownReport.coco(result));
    }
}
