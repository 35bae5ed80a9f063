package dev.deteval.eval.cli;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import dev.deteval.eval.report.CocoTextReport;
import dev.deteval.eval.report.JsonReport;
import dev.deteval.eval.report.MarkdownReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deteval eval}: evaluates detections against ground truth and prints a report. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates detections against ground truth and prints the metrics.",
            "COCO: --gt is an instances JSON file, --dt a results JSON list (or an object with 'annotations')."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT", description = "Ground truth: COCO instances JSON.")
    Path gt;

    @Option(names = "--dt", required = true, paramLabel = "RESULTS", description = "Detections: COCO results JSON.")
    Path dt;

    @Option(names = "--params", paramLabel = "PARAMS.json",
            description = "COCO parameters as a JSON object with pycocotools Params names (iouThrs, recThrs, maxDets,"
                    + " areaRng, areaRngLbl, useCats, imgIds, catIds).")
    Path params;

    @Option(names = "--mode", defaultValue = "compat", paramLabel = "compat|corrected",
            description = "compat (default): reproduce pycocotools exactly, quirks included; corrected: fix its"
                    + " documented bugs (labelled in every report).")
    String mode;

    @Option(names = "--protocol", defaultValue = "coco", paramLabel = "coco|voc07|voc12",
            description = "coco (default), voc07 (11-point AP) or voc12 (all-point AP).")
    String protocol;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|markdown",
            description = "Output format (default text).")
    String format;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--timing", description = "Print the time of each phase (read, evaluate, report) on stderr.")
    boolean timing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat outputFormat = OutputFormat.parse(format);
        if (!protocol.equalsIgnoreCase("coco")) {
            throw new IllegalArgumentException("--protocol " + protocol + ": only coco is available in this build");
        }
        CocoMode cocoMode = CocoMode.parse(mode);
        PhaseTimer timer = new PhaseTimer(timing ? err : null);
        CocoParams cocoParams = params == null ? CocoParams.builder(cocoMode).build()
                : CocoParamsReader.read(params, cocoMode);
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth groundTruth = reader.readGroundTruth(gt);
        timer.lap("read ground truth");
        Detections detections = reader.readResults(dt, groundTruth);
        timer.lap("read detections");
        CocoResult result = CocoEvaluator.evaluate(groundTruth, detections, cocoParams);
        timer.lap("evaluate");
        List<String> warnings = new ArrayList<>(reader.warnings());
        warnings.addAll(result.warnings());
        for (String w : warnings) {
            err.println("deteval: warning: " + w);
        }
        out.print(switch (outputFormat) {
            case TEXT -> CocoTextReport.render(result);
            case JSON -> JsonReport.coco(result);
            case MARKDOWN -> MarkdownReport.coco(result);
        });
        out.flush();
        timer.lap("report");
        return 0;
    }

    enum OutputFormat {
        TEXT, JSON, MARKDOWN;

        static OutputFormat parse(String s) {
            for (OutputFormat f : values()) {
                if (f.name().equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("--format " + s + ": expected text, json or markdown");
        }
    }
}
