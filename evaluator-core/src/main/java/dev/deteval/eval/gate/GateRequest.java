package dev.deteval.eval.gate;

import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.Limit;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.check.RulesChecker;
import dev.deteval.eval.coco.BootstrapSettings;
import dev.deteval.eval.coco.CustomMetric;
import dev.deteval.eval.coco.CustomMetrics;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.EvaluationProgress;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.report.ReportFormat;
import dev.deteval.eval.voc.VocParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one gate run needs: the inputs, how to evaluate them, the rules, an optional baseline and
 * where to write which reports. Immutable; create one with {@link #builder(Path, Path)}.
 *
 * <pre>{@code
 * GateRequest request = GateRequest.builder(Path.of("instances.json"), Path.of("detections.json"))
 *         .optRules(List.of(RuleSyntax.parse("AP>=0.35")))
 *         .optMaxDets(1, 10, 300)
 *         .optReports(Path.of("target/deteval"), EnumSet.of(ReportFormat.JSON, ReportFormat.JUNIT))
 *         .build();
 * GateOutcome outcome = Gate.run(request);
 * }</pre>
 */
public final class GateRequest {

    private final Path groundTruth;
    private final Path detections;
    private final Protocol protocol;
    private final CocoMode mode;
    private final IouType iouType;
    private final Path params;
    private final int[] maxDets;
    private final double[] iouThrs;
    private final double[][] areaRng;
    private final String[] areaRngLbl;
    private final VocParams vocParams;
    private final String imageSet;
    private final String split;
    private final List<Rule> rules;
    private final Path baseline;
    private final Path outputFolder;
    private final Set<ReportFormat> formats;
    private final Double confidence;
    private final double operatingIou;
    private final DetectionConfusionMatrix.Matching confusionMatrix;
    private final Path htmlFile;
    private final EvaluationProgress progress;
    private final boolean errors;
    private final boolean errorsAllThresholds;
    private final boolean curves;
    private final Path perImage;
    private final BootstrapSettings bootstrap;
    private final Path baselineDetections;
    private final BootstrapSettings comparison;
    private final List<CustomMetric> metrics;

    private GateRequest(Builder b) {
        groundTruth = b.groundTruth;
        detections = b.detections;
        protocol = b.protocol;
        mode = b.mode;
        iouType = b.iouType;
        params = b.params;
        maxDets = b.maxDets;
        iouThrs = b.iouThrs;
        areaRng = b.areaRng;
        areaRngLbl = b.areaRngLbl;
        vocParams = b.vocParams;
        imageSet = b.imageSet;
        split = b.split;
        rules = List.copyOf(b.rules);
        baseline = b.baseline;
        outputFolder = b.outputFolder;
        formats = b.formats.isEmpty() ? Set.of() : Set.copyOf(b.formats);
        confidence = b.confidence;
        operatingIou = b.operatingIou;
        confusionMatrix = b.confusionMatrix;
        htmlFile = b.htmlFile;
        progress = b.progress;
        errors = b.errors;
        errorsAllThresholds = b.errorsAllThresholds;
        curves = b.curves;
        perImage = b.perImage;
        bootstrap = b.bootstrap;
        baselineDetections = b.baselineDetections;
        comparison = b.comparison != null ? b.comparison
                : bootstrap != null ? bootstrap : BootstrapSettings.defaults();
        metrics = List.copyOf(b.metrics);
    }

    /**
     * COCO: the custom metrics to compute and report; those named in the rules' dataset limits are computed
     * too, whether listed here or not.
     */
    public List<CustomMetric> metrics() {
        return metrics;
    }

    /** Told how far reading and evaluating have got ({@link EvaluationProgress#NONE} unless set). */
    EvaluationProgress progress() {
        return progress;
    }

    /** Where to write the HTML report besides the output folder's reports, or null. */
    Path htmlFile() {
        return htmlFile;
    }

    /** Whether an HTML report is written (into the output folder or to {@link #htmlFile()}). */
    boolean html() {
        return htmlFile != null || formats.contains(ReportFormat.HTML);
    }

    /** COCO: whether to report the error breakdown ({@link dev.deteval.eval.coco.ErrorBreakdown}). */
    public boolean errors() {
        return errors;
    }

    /** COCO: whether the error breakdown's dAP is also computed over all the evaluation's IoU thresholds. */
    public boolean errorsAllThresholds() {
        return errorsAllThresholds;
    }

    /** COCO: whether to report the curves ({@link dev.deteval.eval.coco.Curves}; JSON only). */
    public boolean curves() {
        return curves;
    }

    /** COCO: the JSON Lines file of per-image counts to write, or null for none. */
    public Path perImage() {
        return perImage;
    }

    /** COCO: the bootstrap settings when confidence intervals are asked for, else null. */
    public BootstrapSettings bootstrap() {
        return bootstrap;
    }

    /** COCO: the baseline's detections for a paired comparison, or null. */
    Path baselineDetections() {
        return baselineDetections;
    }

    /**
     * The settings of the paired comparison: those given with the baseline detections, else the bootstrap's,
     * else the defaults.
     */
    BootstrapSettings comparisonSettings() {
        return comparison;
    }

    /** COCO: the matching of the detection confusion matrix to report, or null for none. */
    public DetectionConfusionMatrix.Matching confusionMatrix() {
        return confusionMatrix;
    }

    /** COCO: the confidence of the operating point to report, or null when none was asked for. */
    public Double confidence() {
        return confidence;
    }

    /** COCO: the IoU threshold of the operating point (default 0.5). */
    public double operatingIou() {
        return operatingIou;
    }

    /**
     * A builder for a run on these inputs.
     *
     * @param groundTruth COCO instances JSON; LVIS ground-truth JSON; a YOLO dataset YAML file ({@code *.yaml},
     *     {@code *.yml}); VOC devkit folder or voc-simple JSON
     * @param detections COCO results JSON (COCO and LVIS); for a YOLO dataset a folder of YOLO txt predictions or
     *     COCO results JSON; VOC results folder or JSON list
     */
    public static Builder builder(Path groundTruth, Path detections) {
        return new Builder(Objects.requireNonNull(groundTruth, "groundTruth"),
                Objects.requireNonNull(detections, "detections"));
    }

    Path groundTruth() {
        return groundTruth;
    }

    Path detections() {
        return detections;
    }

    /** The protocol ({@link Protocol#COCO} unless set). */
    public Protocol protocol() {
        return protocol;
    }

    CocoMode mode() {
        return mode;
    }

    IouType iouType() {
        return iouType;
    }

    Path params() {
        return params;
    }

    int[] maxDets() {
        return maxDets == null ? null : maxDets.clone();
    }

    double[] iouThrs() {
        return iouThrs == null ? null : iouThrs.clone();
    }

    double[][] areaRng() {
        return areaRng;
    }

    String[] areaRngLbl() {
        return areaRngLbl;
    }

    VocParams vocParams() {
        return vocParams;
    }

    String imageSet() {
        return imageSet;
    }

    String split() {
        return split;
    }

    /** The rules, in order (possibly none: then the run only evaluates and reports). */
    public List<Rule> rules() {
        return rules;
    }

    Path baseline() {
        return baseline;
    }

    Path outputFolder() {
        return outputFolder;
    }

    Set<ReportFormat> formats() {
        return formats;
    }

    /** Collects a request's settings; {@link #build()} checks them. */
    public static final class Builder {
        private final Path groundTruth;
        private final Path detections;
        private Protocol protocol = Protocol.COCO;
        private CocoMode mode = CocoMode.COMPAT;
        private IouType iouType;
        private Path params;
        private int[] maxDets;
        private double[] iouThrs;
        private double[][] areaRng;
        private String[] areaRngLbl;
        private VocParams vocParams = VocParams.defaults();
        private String imageSet;
        private String split;
        private final List<Rule> rules = new ArrayList<>();
        private Path baseline;
        private Path outputFolder;
        private Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        private Double confidence;
        private double operatingIou = 0.5;
        private DetectionConfusionMatrix.Matching confusionMatrix;
        private Path htmlFile;
        private EvaluationProgress progress = EvaluationProgress.NONE;
        private boolean errors;
        private boolean errorsAllThresholds;
        private boolean curves;
        private Path perImage;
        private BootstrapSettings bootstrap;
        private Path baselineDetections;
        private BootstrapSettings comparison;
        private List<CustomMetric> metrics = List.of();

        private Builder(Path groundTruth, Path detections) {
            this.groundTruth = groundTruth;
            this.detections = detections;
        }

        /** The protocol: COCO (default), LVIS, VOC07 or VOC12. */
        public Builder optProtocol(Protocol value) {
            protocol = Objects.requireNonNull(value, "protocol");
            return this;
        }

        /** COCO: compat (default) or corrected. */
        public Builder optMode(CocoMode value) {
            mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** COCO: what to compare; by default the params file's iouType, else bbox. LVIS: bbox (default) or segm. */
        public Builder optIouType(IouType value) {
            iouType = value;
            return this;
        }

        /** COCO: a pycocotools Params JSON file read on top of the defaults. */
        public Builder optParams(Path file) {
            params = file;
            return this;
        }

        /** COCO: the maxDets list, replacing the defaults' or the params file's. */
        public Builder optMaxDets(int... values) {
            maxDets = values == null ? null : values.clone();
            return this;
        }

        /** COCO: the IoU thresholds, replacing the defaults' or the params file's. */
        public Builder optIouThrs(double... values) {
            iouThrs = values == null ? null : values.clone();
            return this;
        }

        /** COCO: the area ranges ({@code [min, max]} in pixels²) and their labels. */
        public Builder optAreaRanges(double[][] ranges, String... labels) {
            areaRng = ranges;
            areaRngLbl = labels;
            return this;
        }

        /** VOC: box convention, match rule and overlap threshold (voc_eval.py's by default). */
        public Builder optVocParams(VocParams value) {
            vocParams = Objects.requireNonNull(value, "vocParams");
            return this;
        }

        /** VOC: the image set of a devkit folder; found when there is one only. */
        public Builder optImageSet(String value) {
            imageSet = value;
            return this;
        }

        /** YOLO: the split of the dataset YAML to evaluate ({@code val} when not set). */
        public Builder optSplit(String value) {
            if (value != null && value.isBlank()) {
                throw new IllegalArgumentException("split name must not be empty");
            }
            split = value;
            return this;
        }

        /** Adds rules to check. */
        public Builder optRules(List<Rule> values) {
            rules.addAll(values);
            return this;
        }

        /** An earlier run's JSON report, needed by drop limits. */
        public Builder optBaseline(Path file) {
            baseline = file;
            return this;
        }

        /** Writes these report formats into {@code folder} (created when missing), each file whole or not at all. */
        public Builder optReports(Path folder, Set<ReportFormat> values) {
            outputFolder = Objects.requireNonNull(folder, "folder");
            formats = values.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(values);
            return this;
        }

        /**
         * COCO: also report precision, recall and F1 at {@code confidence} and the best-F1 threshold, matched at
         * IoU {@code iou} (see {@link dev.deteval.eval.coco.OperatingPoints}).
         *
         * @param confidence the threshold, or null for no operating point
         * @param iou the IoU threshold, in [0, 1]
         */
        public Builder optOperatingPoint(Double confidence, double iou) {
            if (confidence != null && !Double.isFinite(confidence)) {
                throw new IllegalArgumentException("confidence must be a finite number, got " + confidence);
            }
            if (!(iou >= 0 && iou <= 1)) {
                throw new IllegalArgumentException("operating-point IoU must be in [0, 1], got " + iou);
            }
            this.confidence = confidence;
            this.operatingIou = iou;
            return this;
        }

        /**
         * COCO: also report the detection confusion matrix with this matching, at the operating point's IoU
         * threshold and confidence (0 without one); null for none.
         */
        public Builder optConfusionMatrix(DetectionConfusionMatrix.Matching value) {
            confusionMatrix = value;
            return this;
        }

        /**
         * Also writes the HTML report ({@link dev.deteval.eval.report.HtmlReport}) to {@code file}, whole or
         * not at all. For COCO the page then has the analyses too: precision, recall and F1 against confidence
         * at the operating point's IoU threshold, and the confusion matrix (the requested matching, else
         * class-aware) at the requested confidence, else at the pooled best-F1 confidence.
         *
         * @param file the page, or null for none
         */
        public Builder optHtml(Path file) {
            htmlFile = file;
            return this;
        }

        /**
         * COCO: also compute bootstrap confidence intervals for the headline metrics and each category's AP
         * (see {@link dev.deteval.eval.coco.Bootstrap}); null for none. They appear in every report and
         * beside the values in the gate's messages.
         */
        public Builder optBootstrap(BootstrapSettings value) {
            bootstrap = value;
            return this;
        }

        /**
         * COCO: also compute these custom metrics ({@link CustomMetric}; e.g. {@code APtime}, {@code APsizeW}):
         * they appear in every report (JSON member {@code custom}), get intervals with
         * {@link #optBootstrap}, and rules check them by name. A metric given here need not be installed, but
         * a rule names installed ones only ({@link CustomMetrics}).
         *
         * @throws InvalidRuleException for an invalid name, a name used twice or a COCO, LVIS or VOC name
         */
        public Builder optMetrics(List<CustomMetric> value) {
            try {
                CustomMetrics.checkNames(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException(e.getMessage());
            }
            metrics = List.copyOf(value);
            return this;
        }

        /**
         * COCO: {@link #optMetrics(List)} by the names of installed custom metrics (any case), each optionally
         * with its option ({@code APtime:tau=30}, see {@link CustomMetrics#parse}).
         *
         * @throws InvalidRuleException for a name no installed custom metric has (listing the installed ones)
         *     or a bad option
         */
        public Builder optMetricNames(List<String> names) {
            try {
                List<CustomMetric> list = new java.util.ArrayList<>();
                for (String name : names) {
                    list.add(CustomMetrics.parse(name));
                }
                return optMetrics(list);
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException(e.getMessage());
            }
        }

        /**
         * COCO: also report the TIDE-style error breakdown at foreground IoU 0.5 and background IoU 0.1, with
         * dAP at 0.5 and, when {@code allThresholds}, over the evaluation's IoU thresholds too (about four times
         * the cost; see {@link dev.deteval.eval.coco.ErrorBreakdown} and docs/benchmarks.md).
         *
         * @param value whether to report the breakdown
         * @param allThresholds whether to add dAP over all IoU thresholds (only with {@code value})
         */
        public Builder optErrors(boolean value, boolean allThresholds) {
            errors = value;
            errorsAllThresholds = value && allThresholds;
            return this;
        }

        /**
         * COCO: the baseline's detections (a results JSON on the same ground truth). They are evaluated too,
         * compared with the current detections by a paired bootstrap (the reports gain the comparison), and
         * their values are the baseline of drop limits; a drop limit with a significance needs them. Cannot
         * be combined with a baseline report.
         */
        public Builder optBaselineDetections(Path file) {
            baselineDetections = file;
            return this;
        }

        /**
         * Reports progress to {@code value}: task "read" (size unknown) while the inputs are read, then, for
         * COCO, "evaluate" with one step per category; {@link EvaluationProgress#finish()} when the
         * evaluation is done or failed.
         */
        public Builder optProgress(EvaluationProgress value) {
            progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * COCO: also put the curves in the JSON report (see {@link dev.deteval.eval.coco.Curves}), the raw and
         * confidence curves at the operating point's IoU threshold.
         */
        public Builder optCurves(boolean value) {
            curves = value;
            return this;
        }

        /**
         * COCO: also write each image's TP/FP/FN at the operating point (its IoU threshold, and its confidence or
         * 0 without one) to this file as JSON Lines, worst image first (see
         * {@link dev.deteval.eval.coco.PerImageCounts}); null for none.
         */
        public Builder optPerImage(Path file) {
            perImage = file;
            return this;
        }

        /**
         * COCO: the baseline's detections, compared with these settings (level of the difference's interval,
         * resamples, seed); see {@link #optBaselineDetections(Path)}. Without settings the bootstrap's are used,
         * else {@link BootstrapSettings#defaults()}.
         */
        public Builder optBaselineDetections(Path file, BootstrapSettings settings) {
            baselineDetections = file;
            comparison = settings;
            return this;
        }

        /**
         * The request.
         *
         * @throws InvalidRuleException for COCO-only settings with a VOC or the LVIS protocol, or a drop limit
         *     without a baseline
         */
        public GateRequest build() {
            if (protocol == Protocol.LVIS && (params != null || maxDets != null || iouThrs != null || areaRng != null
                    || iouType == IouType.KEYPOINTS || mode != CocoMode.COMPAT || confidence != null
                    || confusionMatrix != null || split != null || errors || curves || perImage != null)) {
                throw new InvalidRuleException("protocol lvis evaluates boxes or masks with lvis-api's fixed"
                        + " parameters; COCO parameters (params, iouType keypoints, mode corrected, maxDets, IoU"
                        + " thresholds, area ranges, operating point, confusion matrix, YOLO split, errors, curves,"
                        + " per-image counts) do not apply");
            }
            if (protocol.voc() && (params != null || maxDets != null || iouThrs != null || areaRng != null
                    || iouType != null || confidence != null || confusionMatrix != null || split != null || errors
                    || curves || perImage != null)) {
                throw new InvalidRuleException("COCO parameters (params, iouType, maxDets, IoU thresholds, area"
                        + " ranges, operating point, confusion matrix, YOLO split, errors, curves, per-image counts)"
                        + " do not apply to protocol " + protocol.id());
            }
            if (protocol != Protocol.COCO && !metrics.isEmpty()) {
                throw new InvalidRuleException("custom metrics are computed from a COCO match table, not for protocol "
                        + protocol.id());
            }
            if (protocol != Protocol.COCO && (bootstrap != null || baselineDetections != null)) {
                throw new InvalidRuleException("confidence intervals and the comparison with baseline detections are"
                        + " computed for COCO only, not for protocol " + protocol.id());
            }
            if (baseline != null && baselineDetections != null) {
                throw new InvalidRuleException("give the baseline either as a report or as detections, not both:"
                        + " with baseline detections their evaluation is the baseline");
            }
            if (baselineDetections == null && new RulesChecker(rules).needsBaselineDetections()) {
                throw new InvalidRuleException(RulesChecker.NO_BASELINE_DETECTIONS);
            }
            if (baseline == null && baselineDetections == null && rules.stream().flatMap(r -> r.limits().stream())
                    .anyMatch(l -> l.kind() == Limit.Kind.MAXIMUM_DROP)) {
                throw new InvalidRuleException("a maximum drop limit needs a baseline report (the report.json of an"
                        + " earlier run) or the baseline's detections; none was given");
            }
            return new GateRequest(this);
        }
    }
}
