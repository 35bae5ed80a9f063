package dev.deteval.eval.cli;

import dev.deteval.eval.check.Limit;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.check.RuleSyntax;
import dev.deteval.eval.coco.BootstrapSettings;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.gate.Gate;
import dev.deteval.eval.gate.GateOutcome;
import dev.deteval.eval.gate.GateRequest;
import dev.deteval.eval.gate.VocOptions;
import dev.deteval.eval.report.ReportFormat;
import dev.deteval.eval.voc.VocParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deteval eval}: evaluates detections against ground truth and prints a report. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates detections against ground truth and prints the metrics.",
            "COCO: --gt is an instances JSON file, --dt a results JSON list (or an object with 'annotations').",
            "YOLO: --gt is a dataset YAML file (*.yaml, *.yml), --dt a folder of YOLO txt predictions or COCO results",
            "JSON; evaluated with the COCO rules.",
            "With --rule, also checks the metrics: exit code 1 when a rule is violated."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT",
            description = "Ground truth: COCO instances JSON (LVIS: with neg_category_ids,"
                    + " not_exhaustive_category_ids and frequency) or a YOLO dataset YAML file; for VOC a devkit"
                    + " folder (Annotations/,"
                    + " ImageSets/Main/) or a voc-simple/1 JSON file.")
    Path gt;

    @Option(names = "--dt", required = true, paramLabel = "RESULTS",
            description = "Detections: COCO results JSON (also for LVIS); for YOLO a folder of <image stem>.txt files"
                    + " (class cx cy w h confidence) or COCO results JSON; for VOC a folder of det_<set>_<class>.txt"
                    + " files or a JSON list.")
    Path dt;

    @Option(names = "--params", paramLabel = "PARAMS.json",
            description = "COCO parameters as a JSON object with pycocotools Params names (iouThrs, recThrs, maxDets,"
                    + " areaRng, areaRngLbl, useCats, imgIds, catIds, iouType, kpt_oks_sigmas).")
    Path params;

    @Option(names = "--max-dets", paramLabel = "N,N,…",
            description = "COCO: the maxDets list, e.g. 1,10,300 (replaces that of --params).")
    String maxDets;

    @Option(names = "--iou-thrs", paramLabel = "START:STOP:STEP",
            description = "COCO: IoU thresholds as numpy linspace(START, STOP, round((STOP-START)/STEP)+1), e.g."
                    + " 0.5:0.95:0.05 (pycocotools' default), or a list such as 0.5,0.75.")
    String iouThrs;

    @Option(names = "--area-rng", paramLabel = "LABEL=MIN:MAX,…",
            description = "COCO: area ranges in pixels², e.g. all=0:1e10,small=0:1024,medium=1024:9216,"
                    + "large=9216:1e10.")
    String areaRng;

    @Option(names = "--iou-type", paramLabel = "bbox|segm|keypoints",
            description = "COCO: what to compare: bbox (boxes), segm (masks: 'segmentation' in both files) or"
                    + " keypoints (OKS: 'keypoints' in both files). Default: iouType from --params, else bbox.")
    String iouType;

    @Option(names = "--mode", defaultValue = "compat", paramLabel = "compat|corrected",
            description = "compat (default): reproduce pycocotools exactly, quirks included; corrected: fix its"
                    + " documented bugs (labelled in every report).")
    String mode;

    @Option(names = "--protocol", defaultValue = "coco", paramLabel = "coco|lvis|voc07|voc12",
            description = "coco (default), lvis (LVIS boxes, or masks with --iou-type segm: federated rules as"
                    + " lvis-api, at most 300 detections per image), voc07 (11-point AP) or voc12 (all-point AP).")
    String protocol;

    @Option(names = "--split", paramLabel = "train|val|test",
            description = "YOLO: the split of the dataset YAML to evaluate (default val).")
    String split;

    @Option(names = "--image-set", paramLabel = "SET",
            description = "VOC: the image set (ImageSets/Main/SET.txt, det_SET_<class>.txt); found when unique.")
    String imageSet;

    @Option(names = "--voc-boxes", defaultValue = "pixel", paramLabel = "pixel|continuous",
            description = "VOC: pixel (default, voc_eval.py: widths are xmax-xmin+1) or continuous (no +1).")
    String vocBoxes;

    @Option(names = "--voc-iou", paramLabel = "T",
            description = "VOC: the overlap threshold (default 0.5).")
    Double vocIou;

    @Option(names = "--voc-match", defaultValue = "gt", paramLabel = "gt|ge",
            description = "VOC: gt (default, voc_eval.py: overlap > 0.5) or ge (overlap >= 0.5).")
    String vocMatch;

    @Option(names = "--rule", paramLabel = "RULE",
            description = "A gate rule, repeatable: AP>=0.35, AP50>=55%%, category:person:AP50>=0.6,"
                    + " category:*:AP>=0.3;exclude=car*;onMissing=ignore, AP:maxDrop=0.01 (needs --baseline or"
                    + " --baseline-dt), AP:maxDrop=0.01;significance=0.05 (needs --baseline-dt: fails only when the"
                    + " drop is also significant). Exit code 1 when one is violated.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "REPORT.json",
            description = "The JSON report of an earlier run, for maxDrop rules.")
    Path baseline;

    @Option(names = "--ci", paramLabel = "LEVEL",
            description = "COCO: bootstrap confidence intervals at this level (e.g. 0.95) for AP, AP50, AP75, AR at the"
                    + " largest maxDets and each category's AP, in every report format (docs/statistics.md).")
    Double ci;

    @Option(names = "--metric", paramLabel = "NAME[:tau=T]",
            description = "COCO: also compute this custom metric (repeatable): APtime (AP with recent images weighing"
                    + " more; results need a \"time\"; APtime:tau=30 sets the decay time, default 10), APsizeW"
                    + " (AP weighted 4:2:1 over small, medium, large) or an installed one (docs/custom-metrics.md)."
                    + " A rule on a custom metric computes it without this option.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--resamples", paramLabel = "N",
            description = "Bootstrap resamples for --ci and --baseline-dt (default 1000).")
    Integer resamples;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the bootstrap draws (default 1); the same seed gives the same intervals.")
    Long seed;

    @Option(names = "--baseline-dt", paramLabel = "BASELINE.json",
            description = "COCO: the baseline's detections on the same ground truth: compared with --dt by a paired"
                    + " bootstrap (reported), and the baseline of maxDrop rules; needed by"
                    + " AP:maxDrop=0.01;significance=0.05. Not together with --baseline.")
    Path baselineDt;

    @Option(names = "--confidence", paramLabel = "C",
            description = "COCO: also report precision, recall and F1 at confidence >= C (area all, maxDets 100)"
                    + " and the best-F1 confidence, per category and pooled.")
    Double confidence;

    @Option(names = "--op-iou", defaultValue = "0.5", paramLabel = "T",
            description = "COCO: the IoU threshold of --confidence (default 0.5).")
    double opIou;

    @Option(names = "--confusion-matrix", paramLabel = "class-aware|class-agnostic",
            description = "COCO: also report the detection confusion matrix (rows true class, columns predicted, with"
                    + " background), matched at --op-iou and confidence >= --confidence (0 without).")
    String confusionMatrix;

    @Option(names = "--html", paramLabel = "REPORT.html",
            description = "Also write one self-contained HTML page: summary, per-category table, curves and (COCO)"
                    + " the confusion matrix; see docs/analysis.md.")
    Path html;

    @Option(names = "--errors",
            description = "COCO: also report the TIDE-style error breakdown (Cls, Loc, Both, Dupe, Bkg, Miss counts"
                    + " at IoU 0.5, background IoU 0.1, and dAP50: the AP50 gained by fixing each type).")
    boolean errors;

    @Option(names = "--errors-all-iou",
            description = "COCO: --errors, plus dAP over all IoU thresholds (errors re-classified at each; costs more).")
    boolean errorsAllIou;

    @Option(names = "--curves",
            description = "COCO, JSON only: also write the curves (interpolated PR per category and IoU threshold;"
                    + " precision, recall and F1 against confidence at --op-iou) as the member curves.")
    boolean curves;

    @Option(names = "--per-image", paramLabel = "FILE",
            description = "COCO: also write each image's TP/FP/FN at --op-iou and --confidence (0 without) to FILE"
                    + " as JSON Lines, worst image (most FP + FN) first.")
    Path perImage;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|markdown",
            description = "Output format (default text).")
    String format;

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--timing", description = "Print the time of each phase on stderr.")
    boolean timing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat outputFormat = FormatOption.parse(format);
        PhaseTimer timer = new PhaseTimer(timing ? err : null);
        GateOutcome outcome = Gate.run(request());
        timer.lap("read, evaluate and check");
        for (String w : outcome.report().warnings()) {
            err.println("deteval: warning: " + Names.visible(w));
        }
        try {
            outcome.write(outputFormat, out); // a PrintWriter: it keeps write errors to itself, as print did
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        timer.lap("report");
        return outcome.passed() ? 0 : Main.EXIT_RULE_VIOLATED;
    }

    /** The options as a gate request. */
    GateRequest request() {
        Protocol proto = Protocol.parse(protocol);
        List<Rule> parsed = new ArrayList<>();
        for (String r : rules) {
            parsed.add(RuleSyntax.parse(r));
        }
        if (baselineDt == null && parsed.stream().flatMap(r -> r.limits().stream())
                .anyMatch(l -> l.significance() != null)) {
            throw new IllegalArgumentException("a maxDrop rule with a significance needs --baseline-dt BASELINE.json"
                    + " (the baseline's detections, not only its report: the paired comparison resamples both on the"
                    + " same images)");
        }
        if (baseline == null && baselineDt == null && parsed.stream().flatMap(r -> r.limits().stream())
                .anyMatch(l -> l.kind() == Limit.Kind.MAXIMUM_DROP)) {
            throw new IllegalArgumentException("a maxDrop rule needs --baseline REPORT.json (the JSON report of an"
                    + " earlier run) or --baseline-dt BASELINE.json (the baseline's detections)");
        }
        GateRequest.Builder b = GateRequest.builder(gt, dt).optProtocol(proto).optRules(parsed).optBaseline(baseline)
                .optHtml(html).optProgress(ProgressDisplay.forInputs(gt, dt));
        statistics(b);
        if (proto != Protocol.COCO && split != null) {
            throw new IllegalArgumentException("--split: the split of a YOLO dataset applies to protocol coco, not "
                    + proto.id());
        }
        if (proto.voc() && (confidence != null || confusionMatrix != null || errors || errorsAllIou || curves
                || perImage != null)) {
            String flag = confidence != null ? "--confidence" : confusionMatrix != null ? "--confusion-matrix"
                    : errors || errorsAllIou ? "--errors" : curves ? "--curves" : "--per-image";
            throw new IllegalArgumentException(flag + ": operating points, the confusion matrix, errors, curves and"
                    + " per-image counts are computed for COCO only, not for protocol " + proto.id());
        }
        b.optOperatingPoint(confidence, opIou).optConfusionMatrix(matching())
                .optErrors(errors || errorsAllIou, errorsAllIou).optCurves(curves)
                .optPerImage(perImage);
        if (proto.voc()) {
            return b.optVocParams(vocParams()).optImageSet(imageSet).build();
        }
        b.optSplit(split).optMode(CocoMode.parse(mode)).optParams(params)
                .optIouType(iouType == null ? null : ParamFlags.iouType(iouType));
        if (maxDets != null) {
            b.optMaxDets(ParamFlags.maxDets(maxDets));
        }
        if (iouThrs != null) {
            b.optIouThrs(ParamFlags.iouThrs(iouThrs));
        }
        if (areaRng != null) {
            ParamFlags.AreaRanges a = ParamFlags.areaRng(areaRng);
            b.optAreaRanges(a.ranges(), a.labels());
        }
        return b.build();
    }

    /** Binds --ci, --resamples, --seed and --baseline-dt. */
    private void statistics(GateRequest.Builder b) {
        if (ci == null && baselineDt == null && (resamples != null || seed != null)) {
            throw new IllegalArgumentException((resamples != null ? "--resamples" : "--seed")
                    + " applies to the bootstrap of --ci or --baseline-dt; give one of them");
        }
        BootstrapSettings settings = ParamFlags.bootstrap(ci, resamples, seed);
        if (ci != null) {
            b.optBootstrap(settings);
        }
        if (!metrics.isEmpty()) {
            b.optMetricNames(metrics);
        }
        if (baselineDt != null) {
            b.optBaselineDetections(baselineDt, settings);
        }
    }

    private DetectionConfusionMatrix.Matching matching() {
        if (confusionMatrix == null) {
            return null;
        }
        return switch (confusionMatrix.toLowerCase(Locale.ROOT)) {
            case "class-aware" -> DetectionConfusionMatrix.Matching.CLASS_AWARE;
            case "class-agnostic" -> DetectionConfusionMatrix.Matching.CLASS_AGNOSTIC;
            default -> throw new IllegalArgumentException("--confusion-matrix " + confusionMatrix
                    + ": expected class-aware or class-agnostic");
        };
    }

    private VocParams vocParams() {
        return VocOptions.of(vocBoxes, vocMatch, vocIou);
    }
}
