package dev.deteval.maven;

import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.coco.BootstrapSettings;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.gate.GateRequest;
import dev.deteval.eval.gate.VocOptions;
import dev.deteval.eval.report.ReportFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The mojo's parameters as evaluator-core's {@link GateRequest}: words parsed case-insensitively, files
 * already resolved against the project, and the four reports (JSON, Markdown, JUnit XML, HTML) into the
 * output directory. Nothing else: reading, evaluating, checking and writing are {@code Gate.run}'s.
 *
 * @param groundTruth the ground truth
 * @param detections the detections
 * @param protocol coco, lvis, voc07 or voc12
 * @param mode compat or corrected (COCO)
 * @param iouType bbox, segm or keypoints, or null (COCO)
 * @param params a Params JSON file, or null (COCO)
 * @param baseline an earlier report.json, or null
 * @param imageSet the devkit image set, or null (VOC)
 * @param vocBoxes pixel or continuous, or null (VOC)
 * @param vocMatch gt or ge, or null (VOC)
 * @param vocOverlap the overlap threshold, or null (VOC)
 * @param outputDirectory where the reports go
 * @param confidence the operating point's confidence, or null for none (COCO)
 * @param opIou the operating point's IoU threshold, or null for 0.5 (COCO)
 * @param split the split of a YOLO dataset YAML file, or null for val (COCO protocol, YOLO ground truth)
 * @param errors whether report.json gets the error breakdown, dAP50 only (COCO)
 * @param errorsAllIou whether report.json gets the error breakdown with dAP over all IoU thresholds too (COCO)
 * @param curves whether report.json gets the curves (COCO)
 * @param perImage whether {@value #PER_IMAGE_FILE} is written into the output directory (COCO)
 */
record RequestBinding(Path groundTruth, Path detections, String protocol, String mode, String iouType, Path params,
        Path baseline, String imageSet, String vocBoxes, String vocMatch, Double vocOverlap, Path outputDirectory,
        Double confidence, Double opIou, String split, boolean errors, boolean errorsAllIou, boolean curves,
        boolean perImage) {

    /** The per-image counts' file name in the output directory. */
    static final String PER_IMAGE_FILE = "per-image.jsonl";

    /** Analyses without a YOLO split. */
    RequestBinding(Path groundTruth, Path detections, String protocol, String mode, String iouType, Path params,
            Path baseline, String imageSet, String vocBoxes, String vocMatch, Double vocOverlap, Path outputDirectory,
            Double confidence, Double opIou, boolean errors, boolean errorsAllIou, boolean curves, boolean perImage) {
        this(groundTruth, detections, protocol, mode, iouType, params, baseline, imageSet, vocBoxes, vocMatch,
                vocOverlap, outputDirectory, confidence, opIou, null, errors, errorsAllIou, curves, perImage);
    }

    /** A YOLO split, an operating point and no other analysis. */
    RequestBinding(Path groundTruth, Path detections, String protocol, String mode, String iouType, Path params,
            Path baseline, String imageSet, String vocBoxes, String vocMatch, Double vocOverlap, Path outputDirectory,
            Double confidence, Double opIou, String split) {
        this(groundTruth, detections, protocol, mode, iouType, params, baseline, imageSet, vocBoxes, vocMatch,
                vocOverlap, outputDirectory, confidence, opIou, split, false, false, false, false);
    }

    /** With an operating point and no other analysis. */
    RequestBinding(Path groundTruth, Path detections, String protocol, String mode, String iouType, Path params,
            Path baseline, String imageSet, String vocBoxes, String vocMatch, Double vocOverlap, Path outputDirectory,
            Double confidence, Double opIou) {
        this(groundTruth, detections, protocol, mode, iouType, params, baseline, imageSet, vocBoxes, vocMatch,
                vocOverlap, outputDirectory, confidence, opIou, null, false, false, false, false);
    }

    /** Without an operating point. */
    RequestBinding(Path groundTruth, Path detections, String protocol, String mode, String iouType, Path params,
            Path baseline, String imageSet, String vocBoxes, String vocMatch, Double vocOverlap, Path outputDirectory) {
        this(groundTruth, detections, protocol, mode, iouType, params, baseline, imageSet, vocBoxes, vocMatch,
                vocOverlap, outputDirectory, null, null);
    }

    /** The reports the goal writes. */
    static final EnumSet<ReportFormat> FORMATS = EnumSet.of(ReportFormat.JSON, ReportFormat.MARKDOWN,
            ReportFormat.JUNIT, ReportFormat.HTML);

    /**
     * The request for these settings and rules.
     *
     * @throws IllegalArgumentException (including {@code InvalidRuleException}) for an invalid setting
     */
    GateRequest toRequest(List<Rule> rules) {
        return toRequest(rules, Statistics.NONE);
    }

    /**
     * The statistics parameters: confidence intervals and the comparison with the baseline's detections.
     *
     * @param baselineDetections the baseline's detections, or null
     * @param ci the confidence level of the intervals, or null for none
     * @param resamples the bootstrap resamples, or null for the default
     * @param seed the bootstrap seed, or null for the default
     * @param metrics the custom metrics to compute ({@code APtime}, {@code APtime:tau=30}, {@code APsizeW}, or an
     *     installed one), possibly empty
     */
    record Statistics(Path baselineDetections, Double ci, Integer resamples, Long seed, List<String> metrics) {

        /** No intervals, no comparison, no custom metrics. */
        static final Statistics NONE = new Statistics(null, null, null, null);

        /** Copies the metric names. */
        Statistics {
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
        }

        /** Without custom metrics. */
        Statistics(Path baselineDetections, Double ci, Integer resamples, Long seed) {
            this(baselineDetections, ci, resamples, seed, List.of());
        }

        void applyTo(GateRequest.Builder b) {
            if (ci == null && baselineDetections == null && (resamples != null || seed != null)) {
                throw new IllegalArgumentException("resamples and seed apply to the bootstrap of ci or"
                        + " baselineDetections; set one of them");
            }
            BootstrapSettings settings = new BootstrapSettings(ci == null ? BootstrapSettings.DEFAULT_LEVEL : ci,
                    resamples == null ? BootstrapSettings.DEFAULT_RESAMPLES : resamples,
                    seed == null ? BootstrapSettings.DEFAULT_SEED : seed);
            if (ci != null) {
                b.optBootstrap(settings);
            }
            if (baselineDetections != null) {
                b.optBaselineDetections(baselineDetections, settings);
            }
            if (!metrics.isEmpty()) {
                b.optMetricNames(metrics);
            }
        }
    }

    /**
     * The request for these settings, rules and statistics.
     *
     * @throws IllegalArgumentException (including {@code InvalidRuleException}) for an invalid setting
     */
    GateRequest toRequest(List<Rule> rules, Statistics statistics) {
        Protocol p = Protocol.parse(protocol);
        GateRequest.Builder b = GateRequest.builder(groundTruth, detections).optProtocol(p).optRules(rules)
                .optBaseline(baseline).optReports(outputDirectory, FORMATS);
        statistics.applyTo(b);
        if (p.voc() && (confidence != null || opIou != null || errors || errorsAllIou || curves || perImage)) {
            throw new IllegalArgumentException("confidence, opIou, errors, errorsAllIou, curves and perImage (analyses)"
                    + " apply to protocol coco only");
        }
        b.optOperatingPoint(confidence, opIou == null ? 0.5 : opIou).optErrors(errors || errorsAllIou, errorsAllIou)
                .optCurves(curves).optPerImage(perImage ? outputDirectory.resolve(PER_IMAGE_FILE) : null);
        if (p.voc() && split != null) {
            throw new IllegalArgumentException("split (of a YOLO dataset) applies to protocol coco only");
        }
        if (p.voc()) {
            return b.optVocParams(VocOptions.of(vocBoxes, vocMatch, vocOverlap)).optImageSet(imageSet).build();
        }
        if (imageSet != null || vocBoxes != null || vocMatch != null || vocOverlap != null) {
            throw new IllegalArgumentException("imageSet, vocBoxes, vocMatch and vocOverlap apply to protocol voc07"
                    + " or voc12 only");
        }
        return b.optSplit(split).optMode(CocoMode.parse(mode)).optIouType(iouType == null ? null : IouType.parse(iouType))
                .optParams(params).build();
    }
}
