package dev.deteval.eval.cli;

import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.GateJsonWriter;
import dev.deteval.eval.check.GateMarkdownWriter;
import dev.deteval.eval.check.MetricSnapshot.Protocol;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.check.RulesChecker;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.io.ReportJsonReader;
import dev.deteval.eval.report.ProtocolEvaluation;
import dev.deteval.eval.voc.BoxConvention;
import dev.deteval.eval.voc.MatchRule;
import dev.deteval.eval.voc.VocParams;
import java.io.IOException;
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
            "COCO: --gt is an instances JSON file, --dt a results JSON list (or an object with 'annotations').",
            "With --rule, also checks the metrics: exit code 1 when a rule is violated."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT",
            description = "Ground truth: COCO instances JSON; for VOC a devkit folder (Annotations/,"
                    + " ImageSets/Main/) or a voc-simple/1 JSON file.")
    Path gt;

    @Option(names = "--dt", required = true, paramLabel = "RESULTS",
            description = "Detections: COCO results JSON; for VOC a folder of det_<set>_<class>.txt files or a"
                    + " JSON list.")
    Path dt;

    @Option(names = "--params", paramLabel = "PARAMS.json",
            description = "COCO parameters as a JSON object with pycocotools Params names (iouThrs, recThrs, maxDets,"
                    + " areaRng, areaRngLbl, useCats, imgIds, catIds, iouType, kpt_oks_sigmas).")
    Path params;

    @Option(names = "--iou-type", paramLabel = "bbox|segm|keypoints",
            description = "COCO: what to compare: bbox (boxes), segm (masks: 'segmentation' in both files) or"
                    + " keypoints (OKS: 'keypoints' in both files). Default: iouType from --params, else bbox.")
    String iouType;

    @Option(names = "--mode", defaultValue = "compat", paramLabel = "compat|corrected",
            description = "compat (default): reproduce pycocotools exactly, quirks included; corrected: fix its"
                    + " documented bugs (labelled in every report).")
    String mode;

    @Option(names = "--protocol", defaultValue = "coco", paramLabel = "coco|voc07|voc12",
            description = "coco (default), voc07 (11-point AP) or voc12 (all-point AP).")
    String protocol;

    @Option(names = "--image-set", paramLabel = "SET",
            description = "VOC: the image set (ImageSets/Main/SET.txt, det_SET_<class>.txt); found when unique.")
    String imageSet;

    @Option(names = "--voc-boxes", defaultValue = "pixel", paramLabel = "pixel|continuous",
            description = "VOC: pixel (default, voc_eval.py: widths are xmax-xmin+1) or continuous (no +1).")
    String vocBoxes;

    @Option(names = "--voc-match", defaultValue = "gt", paramLabel = "gt|ge",
            description = "VOC: gt (default, voc_eval.py: overlap > 0.5) or ge (overlap >= 0.5).")
    String vocMatch;

    @Option(names = "--rule", paramLabel = "RULE",
            description = "A gate rule, repeatable: AP>=0.35, AP50>=55%%, category:person:AP50>=0.6,"
                    + " category:car*:AP>=0.4, AP:maxDrop=0.01 (needs --baseline). Exit code 1 when one is violated.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "REPORT.json",
            description = "The JSON report of an earlier run, for maxDrop rules.")
    Path baseline;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|markdown",
            description = "Output format (default text).")
    String format;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--timing", description = "Print the time of each phase on stderr.")
    boolean timing;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat outputFormat = OutputFormat.parse(format);
        Protocol proto = Protocol.parse(protocol);
        List<Rule> parsedRules = new ArrayList<>();
        for (String r : rules) {
            parsedRules.add(RuleSyntax.parse(r));
        }
        RulesChecker checker = new RulesChecker(parsedRules);
        if (checker.needsBaseline() && baseline == null) {
            throw new IllegalArgumentException("a maxDrop rule needs --baseline REPORT.json (the JSON report of an"
                    + " earlier run)");
        }
        MetricSnapshot base = baseline == null ? null : ReportJsonReader.read(baseline);
        checker.validate(proto, base);
        PhaseTimer timer = new PhaseTimer(timing ? err : null);
        ProtocolEvaluation evaluation = proto == Protocol.COCO
                ? ProtocolEvaluation.coco(gt, dt, params, CocoMode.parse(mode), iouType())
                : ProtocolEvaluation.voc(gt, dt, proto, imageSet, vocParams());
        timer.lap("read and evaluate");
        for (String w : evaluation.warnings()) {
            err.println("deteval: warning: " + Names.visible(w));
        }
        CheckResult check = parsedRules.isEmpty() ? null : checker.check(evaluation.snapshot(), base);
        switch (outputFormat) {
            case TEXT -> {
                out.print(evaluation.text());
                if (check != null) {
                    out.println();
                    check.violations().forEach(v -> out.println(v.message()));
                    out.println(check.passed() ? CheckMessages.RULES_MET : CheckMessages.RULES_VIOLATED);
                }
            }
            case JSON -> out.print(evaluation.json(check == null ? null : g -> GateJsonWriter.writeMember(g, check)));
            case MARKDOWN -> {
                out.print(evaluation.markdown());
                if (check != null) {
                    out.println();
                    GateMarkdownWriter.write(out, check);
                }
            }
        }
        out.flush();
        timer.lap("report");
        return check == null || check.passed() ? 0 : Main.EXIT_RULE_VIOLATED;
    }

    private IouType iouType() {
        if (iouType == null) {
            return null;
        }
        try {
            return IouType.of(iouType.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--iou-type " + iouType + ": expected bbox, segm or keypoints", e);
        }
    }

    private VocParams vocParams() {
        VocParams p = VocParams.defaults();
        p = switch (vocBoxes.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "pixel" -> p.withBoxConvention(BoxConvention.PIXEL_PLUS_ONE);
            case "continuous" -> p.withBoxConvention(BoxConvention.CONTINUOUS);
            default -> throw new IllegalArgumentException("--voc-boxes " + vocBoxes + ": expected pixel or continuous");
        };
        return switch (vocMatch.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "gt" -> p.withMatchRule(MatchRule.GREATER);
            case "ge" -> p.withMatchRule(MatchRule.GREATER_OR_EQUAL);
            default -> throw new IllegalArgumentException("--voc-match " + vocMatch + ": expected gt or ge");
        };
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
