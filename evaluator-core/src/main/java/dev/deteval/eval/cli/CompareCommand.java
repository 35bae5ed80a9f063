package dev.deteval.eval.cli;

import dev.deteval.eval.coco.BootstrapSettings;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.gate.ComparisonOutcome;
import dev.deteval.eval.gate.Gate;
import dev.deteval.eval.gate.GateRequest;
import dev.deteval.eval.report.ComparisonReport;
import dev.deteval.eval.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deteval compare}: a paired comparison of two COCO result files on the same ground truth. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two COCO result files on the same ground truth: for AP, AP50, AP75 and AR at the"
                + " largest maxDets the candidate's and the baseline's value, their difference with a paired-bootstrap"
                + " interval, and the p-value of no difference (docs/statistics.md).",
            "Both files are resampled on the same images, so what the images have in common cancels out."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT", description = "Ground truth: COCO instances JSON.")
    Path gt;

    @Option(names = "--dt", required = true, paramLabel = "CANDIDATE.json",
            description = "The candidate's detections: COCO results JSON.")
    Path dt;

    @Option(names = "--baseline-dt", required = true, paramLabel = "BASELINE.json",
            description = "The baseline's detections: COCO results JSON on the same ground truth.")
    Path baselineDt;

    @Option(names = "--params", paramLabel = "PARAMS.json",
            description = "COCO parameters as a JSON object with pycocotools Params names.")
    Path params;

    @Option(names = "--iou-type", paramLabel = "bbox|segm|keypoints",
            description = "What to compare (default: iouType from --params, else bbox).")
    String iouType;

    @Option(names = "--mode", defaultValue = "compat", paramLabel = "compat|corrected",
            description = "compat (default) or corrected, as for eval.")
    String mode;

    @Option(names = "--ci", paramLabel = "LEVEL", description = "Level of the difference's interval (default 0.95).")
    Double level;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default 1000).")
    Integer resamples;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the draws (default 1).")
    Long seed;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|markdown",
            description = "Output format (default text); markdown suits a pull-request comment.")
    String format;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat f = FormatOption.parse(format);
        BootstrapSettings settings = ParamFlags.bootstrap(level, resamples, seed);
        GateRequest.Builder b = GateRequest.builder(gt, dt).optMode(CocoMode.parse(mode)).optParams(params)
                .optBaselineDetections(baselineDt, settings);
        if (iouType != null) {
            b.optIouType(ParamFlags.iouType(iouType));
        }
        ComparisonOutcome outcome = Gate.compare(b.build());
        for (String w : outcome.warnings()) {
            err.println("deteval: warning: " + Names.visible(w));
        }
        out.print(switch (f) {
            case JSON -> ComparisonReport.json(outcome.comparison(), outcome.images());
            case MARKDOWN -> "# deteval comparison\n" + ComparisonReport.markdown(outcome.comparison());
            default -> ComparisonReport.text(outcome.comparison()).substring(1);
        });
        out.flush();
        return 0;
    }
}
