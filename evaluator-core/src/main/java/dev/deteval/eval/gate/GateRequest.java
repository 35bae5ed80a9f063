package dev.deteval.eval.gate;

import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.Limit;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.check.RulesChecker;
import dev.deteval.eval.coco.BootstrapSettings;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
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
    private final List<Rule> rules;
    private final Path baseline;
    private final Path outputFolder;
    private final Set<ReportFormat> formats;
    private final Double confidence;
    private final double operatingIou;
    private final DetectionConfusionMatrix.Matching confusionMatrix;
    private final BootstrapSettings bootstrap;
    private final Path baselineDetections;
    private final BootstrapSettings comparison;

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
        rules = List.copyOf(b.rules);
        baseline = b.baseline;
        outputFolder = b.outputFolder;
        formats = b.formats.isEmpty() ? Set.of() : Set.copyOf(b.formats);
        confidence = b.confidence;
        operatingIou = b.operatingIou;
        confusionMatrix = b.confusionMatrix;
        bootstrap = b.bootstrap;
        baselineDetections = b.baselineDetections;
        comparison = b.comparison != null ? b.comparison
                : bootstrap != null ? bootstrap : BootstrapSettings.defaults();
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
     * @param groundTruth COCO instances JSON; VOC devkit folder or voc-simple JSON
     * @param detections COCO results JSON; VOC results folder or JSON list
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
        private final List<Rule> rules = new ArrayList<>();
        private Path baseline;
        private Path outputFolder;
        private Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        private Double confidence;
        private double operatingIou = 0.5;
        private DetectionConfusionMatrix.Matching confusionMatrix;
        private BootstrapSettings bootstrap;
        private Path baselineDetections;
        private BootstrapSettings comparison;

        private Builder(Path groundTruth, Path detections) {
            this.groundTruth = groundTruth;
            this.detections = detections;
        }

        /** The protocol: COCO (default), VOC07 or VOC12. */
        public Builder optProtocol(Protocol value) {
            protocol = Objects.requireNonNull(value, "protocol");
            return this;
        }

        /** COCO: compat (default) or corrected. */
        public Builder optMode(CocoMode value) {
            mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** COCO: what to compare; by default the params file's iouType, else bbox. */
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
         * COCO: also compute bootstrap confidence intervals for the headline metrics and each category's AP
         * (see {@link dev.deteval.eval.coco.Bootstrap}); null for none. They appear in every report and
         * beside the values in the gate's messages.
         */
        public Builder optBootstrap(BootstrapSettings value) {
            bootstrap = value;
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
         * @throws InvalidRuleException for COCO-only settings with a VOC protocol, or a drop limit without a
         *     baseline
         */
        public GateRequest build() {
            if (protocol.voc() && (params != null || maxDets != null || iouThrs != null || areaRng != null
                    || iouType != null || confidence != null || confusionMatrix != null)) {
                throw new InvalidRuleException("COCO parameters (params, iouType, maxDets, IoU thresholds, area"
                        + " ranges, operating point, confusion matrix) do not apply to protocol " + protocol.id());
            }
            if (protocol.voc() && (bootstrap != null || baselineDetections != null)) {
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
