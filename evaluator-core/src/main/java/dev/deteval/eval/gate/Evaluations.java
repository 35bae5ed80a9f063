package dev.deteval.eval.gate;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.Curves;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.ErrorBreakdown;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.coco.KeypointCountException;
import dev.deteval.eval.coco.LvisEvaluator;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.coco.PerImageCounts;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.AtomicFile;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.io.LvisJsonReader;
import dev.deteval.eval.io.VocReader;
import dev.deteval.eval.io.YoloReader;
import dev.deteval.eval.report.EvaluationReport;
import dev.deteval.eval.report.HtmlReport;
import dev.deteval.eval.report.PerImageReport;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import dev.deteval.eval.voc.VocEvaluator;
import dev.deteval.eval.voc.VocResult;
import java.nio.file.Path;
import java.util.List;

/** Reads a request's inputs and evaluates them with the protocol's evaluator. */
final class Evaluations {

    /** How many of the worst images the HTML report lists. */
    static final int WORST_IMAGES = 20;

    private Evaluations() {
    }

    /**
     * A COCO evaluation: parameters from the file and the request's overrides, then both inputs read at once;
     * a ground truth named {@code *.yaml} or {@code *.yml} is a YOLO dataset, read with its predictions by
     * {@link YoloReader}.
     */
    static EvaluationReport coco(GateRequest r, Spool spool) {
        CocoParams p = params(r, spool);
        Path gtFile = spool.regular(r.groundTruth());
        Path dtFile = spool.regular(r.detections());
        List<String> warnings;
        CocoJsonReader.Inputs inputs;
        if (YoloReader.isDatasetYaml(r.groundTruth())) {
            if (p.iouType() != IouType.BBOX) {
                throw new IllegalArgumentException("a YOLO dataset has boxes only: iouType " + p.iouType().label()
                        + " cannot be evaluated on " + r.groundTruth());
            }
            YoloReader yolo = r.split() == null ? new YoloReader() : new YoloReader().withSplit(r.split());
            GroundTruth gt = yolo.readGroundTruth(r.groundTruth());
            inputs = new CocoJsonReader.Inputs(gt, yolo.readDetections(dtFile, gt));
            warnings = yolo.warnings();
        } else {
            if (r.split() != null) {
                throw new IllegalArgumentException("a split (" + r.split() + ") applies to a YOLO dataset YAML file,"
                        + " not to " + r.groundTruth());
            }
            CocoJsonReader reader = new CocoJsonReader(p.iouType());
            inputs = reader.readBoth(gtFile, dtFile);
            warnings = reader.warnings();
        }
        requireNumericSelection(p, inputs.groundTruth(), r.params(), r.groundTruth());
        CocoResult result;
        try {
            result = CocoEvaluator.evaluate(inputs.groundTruth(), inputs.detections(), p, true, r.progress());
        } catch (KeypointCountException e) {
            throw e.groundTruth()
                    ? new InputException(gtFile.toString(), "annotations[" + e.row() + "].keypoints", e.getMessage())
                    : new InputException(dtFile.toString(), "[" + e.row() + "].keypoints", e.getMessage());
        }
        boolean html = r.html();
        if (r.confidence() == null && r.confusionMatrix() == null && !r.errors() && !r.curves()
                && r.perImage() == null && !html) {
            return EvaluationReport.coco(result, warnings);
        }
        GroundTruth gt = inputs.groundTruth();
        Detections dt = inputs.detections();
        boolean asked = r.confidence() != null;
        double confidence = asked ? r.confidence() : 0.0;
        OperatingPoints points = !asked && !r.curves() && !html ? null
                : OperatingPoints.compute(gt, dt, p, r.operatingIou());
        DetectionConfusionMatrix matrix = r.confusionMatrix() == null ? null
                : DetectionConfusionMatrix.compute(gt, dt, p, r.operatingIou(), confidence, r.confusionMatrix());
        ErrorBreakdown errors = r.errors() || html ? ErrorBreakdown.compute(gt, dt, p,
                ErrorBreakdown.DEFAULT_FOREGROUND, ErrorBreakdown.DEFAULT_BACKGROUND, r.errorsAllThresholds()) : null;
        Curves curves = r.curves() ? Curves.of(result, points) : null;
        PerImageCounts counts = r.perImage() == null ? null
                : PerImageCounts.compute(gt, dt, p, r.operatingIou(), confidence);
        if (counts != null) {
            if (r.outputFolder() != null && r.perImage().toAbsolutePath().getParent() != null
                    && r.perImage().toAbsolutePath().getParent().equals(r.outputFolder().toAbsolutePath())) {
                AtomicFile.createFolder(r.outputFolder()); // the reports' folder, which the gate creates anyway
            }
            AtomicFile.write(r.perImage(), out -> PerImageReport.writeJsonLines(counts, out));
        }
        EvaluationReport report = EvaluationReport.coco(result, warnings, asked ? points.at(confidence) : null,
                asked ? points.bestF1() : null, matrix, r.errors() ? errors : null, curves);
        if (!html) {
            return report;
        }
        // the page's heat map and worst images: at the requested confidence, else where the pooled F1 is best
        double pageConfidence = asked ? confidence : points.bestF1().overall().confidence();
        DetectionConfusionMatrix heatMap = matrix != null && asked ? matrix
                : DetectionConfusionMatrix.compute(gt, dt, p, r.operatingIou(), pageConfidence,
                        r.confusionMatrix() == null ? DetectionConfusionMatrix.Matching.CLASS_AWARE
                                : r.confusionMatrix());
        PerImageCounts worst = counts != null && asked ? counts
                : PerImageCounts.compute(gt, dt, p, r.operatingIou(), pageConfidence);
        return report.withHtml(() -> HtmlReport.coco(result).optWarnings(warnings).optOperatingPoints(points)
                .optConfusionMatrix(heatMap).optErrorBreakdown(errors).optWorstImages(worst, WORST_IMAGES).build());
    }

    /**
     * {@code imgIds} and {@code catIds} are numbers; they cannot select among string ids, which the reader
     * numbers itself.
     */
    private static void requireNumericSelection(CocoParams p, GroundTruth gt, Path paramsFile, Path gtFile) {
        String field = p.imgIds() != null && gt.hasTextImageIds() ? "imgIds"
                : p.catIds() != null && gt.hasTextCategoryIds() ? "catIds" : null;
        if (field != null) {
            throw new InputException(String.valueOf(paramsFile), field, "selects ids by number, but " + gtFile
                    + " gives its " + (field.equals("imgIds") ? "image" : "category") + " ids as strings;"
                    + " remove " + field + " or select in the ground truth itself");
        }
    }

    private static CocoParams params(GateRequest r, Spool spool) {
        Path file = spool.regular(r.params());
        CocoParams base = file != null ? CocoParamsReader.read(file, r.mode(), r.iouType())
                : CocoParams.builder(r.mode()).optIouType(r.iouType() == null ? IouType.BBOX : r.iouType()).build();
        if (r.maxDets() == null && r.iouThrs() == null && r.areaRng() == null) {
            return base;
        }
        CocoParams.Builder b = base.toBuilder();
        if (r.maxDets() != null) {
            b.optMaxDets(r.maxDets());
        }
        if (r.iouThrs() != null) {
            b.optIouThrs(r.iouThrs());
        }
        if (r.areaRng() != null) {
            b.optAreaRanges(r.areaRng(), r.areaRngLbl());
        }
        return b.build();
    }

    /** An LVIS evaluation of boxes or masks: both inputs read at once, then lvis-api's rules. */
    static EvaluationReport lvis(GateRequest r, Spool spool) {
        Path gtFile = spool.regular(r.groundTruth());
        Path dtFile = spool.regular(r.detections());
        IouType type = r.iouType() == null ? IouType.BBOX : r.iouType();
        LvisJsonReader reader = new LvisJsonReader(type);
        LvisJsonReader.Inputs inputs = reader.readBoth(gtFile, dtFile);
        LvisResult result = LvisEvaluator.evaluate(inputs.groundTruth(), inputs.detections(), type, true);
        return EvaluationReport.lvis(result, reader.warnings());
    }

    /** A Pascal VOC evaluation under the request's protocol and VOC settings. */
    static EvaluationReport voc(GateRequest r, Spool spool) {
        VocReader reader = new VocReader();
        if (r.imageSet() != null) {
            reader = reader.withImageSet(r.imageSet());
        }
        VocDataset gt = reader.readGroundTruth(spool.regular(r.groundTruth()));
        VocDetections dt = reader.readDetections(spool.regular(r.detections()), gt);
        VocResult result = VocEvaluator.evaluate(gt, dt, r.vocParams());
        return EvaluationReport.voc(result, r.protocol(), reader.warnings());
    }
}
