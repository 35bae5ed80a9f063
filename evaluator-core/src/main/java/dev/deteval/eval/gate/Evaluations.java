package dev.deteval.eval.gate;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.Curves;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.ErrorBreakdown;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.coco.KeypointCountException;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.coco.PerImageCounts;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.AtomicFile;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.io.VocReader;
import dev.deteval.eval.report.EvaluationReport;
import dev.deteval.eval.report.PerImageReport;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import dev.deteval.eval.voc.VocEvaluator;
import dev.deteval.eval.voc.VocResult;
import java.nio.file.Path;

/** Reads a request's inputs and evaluates them with the protocol's evaluator. */
final class Evaluations {

    private Evaluations() {
    }

    /** A COCO evaluation: parameters from the file and the request's overrides, then both inputs read at once. */
    static EvaluationReport coco(GateRequest r, Spool spool) {
        CocoParams p = params(r, spool);
        Path gtFile = spool.regular(r.groundTruth());
        Path dtFile = spool.regular(r.detections());
        CocoJsonReader reader = new CocoJsonReader(p.iouType());
        CocoJsonReader.Inputs inputs = reader.readBoth(gtFile, dtFile);
        CocoResult result;
        try {
            result = CocoEvaluator.evaluate(inputs.groundTruth(), inputs.detections(), p);
        } catch (KeypointCountException e) {
            throw e.groundTruth()
                    ? new InputException(gtFile.toString(), "annotations[" + e.row() + "].keypoints", e.getMessage())
                    : new InputException(dtFile.toString(), "[" + e.row() + "].keypoints", e.getMessage());
        }
        if (r.confidence() == null && r.confusionMatrix() == null && !r.errors() && !r.curves()
                && r.perImage() == null) {
            return EvaluationReport.coco(result, reader.warnings());
        }
        GroundTruth gt = inputs.groundTruth();
        Detections dt = inputs.detections();
        double confidence = r.confidence() == null ? 0.0 : r.confidence();
        OperatingPoints points = r.confidence() == null && !r.curves() ? null
                : OperatingPoints.compute(gt, dt, p, r.operatingIou());
        DetectionConfusionMatrix matrix = r.confusionMatrix() == null ? null
                : DetectionConfusionMatrix.compute(gt, dt, p, r.operatingIou(), confidence, r.confusionMatrix());
        ErrorBreakdown errors = r.errors() ? ErrorBreakdown.compute(gt, dt, p, ErrorBreakdown.DEFAULT_FOREGROUND,
                ErrorBreakdown.DEFAULT_BACKGROUND, r.errorsAllThresholds()) : null;
        Curves curves = r.curves() ? Curves.of(result, points) : null;
        if (r.perImage() != null) {
            PerImageCounts counts = PerImageCounts.compute(gt, dt, p, r.operatingIou(), confidence);
            if (r.outputFolder() != null && r.perImage().toAbsolutePath().getParent() != null
                    && r.perImage().toAbsolutePath().getParent().equals(r.outputFolder().toAbsolutePath())) {
                AtomicFile.createFolder(r.outputFolder()); // the reports' folder, which the gate creates anyway
            }
            AtomicFile.write(r.perImage(), out -> PerImageReport.writeJsonLines(counts, out));
        }
        boolean at = r.confidence() != null;
        return EvaluationReport.coco(result, reader.warnings(), at ? points.at(confidence) : null,
                at ? points.bestF1() : null, matrix, errors, curves);
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
