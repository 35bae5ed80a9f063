package dev.deteval.eval.gate;

import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.coco.Bootstrap;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.Comparison;
import dev.deteval.eval.coco.ConfidenceIntervals;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.coco.KeypointCountException;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.coco.OutcomeTable;
import dev.deteval.eval.coco.PairedComparison;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.io.VocReader;
import dev.deteval.eval.report.EvaluationReport;
import dev.deteval.eval.report.MetricSnapshots;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import dev.deteval.eval.voc.VocEvaluator;
import dev.deteval.eval.voc.VocResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a request's inputs and evaluates them with the protocol's evaluator. */
final class Evaluations {

    /**
     * An evaluation's reports and, when the request gave the baseline's detections, their values as the
     * baseline of drop limits (else null).
     */
    record Evaluated(EvaluationReport report, MetricSnapshot baseline) {
    }

    private Evaluations() {
    }

    /** A COCO evaluation: parameters from the file and the request's overrides, then both inputs read at once. */
    static Evaluated coco(GateRequest r, Spool spool) {
        CocoParams p = params(r, spool);
        Path gtFile = spool.regular(r.groundTruth());
        Path dtFile = spool.regular(r.detections());
        CocoJsonReader reader = new CocoJsonReader(p.iouType());
        CocoJsonReader.Inputs inputs = reader.readBoth(gtFile, dtFile);
        boolean statistics = r.bootstrap() != null || r.baselineDetections() != null;
        OutcomeTable table = statistics ? withOutcomes(inputs.groundTruth(), inputs.detections(), p, gtFile, dtFile)
                : null;
        CocoResult result = statistics ? table.result()
                : plain(inputs.groundTruth(), inputs.detections(), p, gtFile, dtFile);
        ConfidenceIntervals intervals = r.bootstrap() == null ? null : Bootstrap.intervals(table, r.bootstrap());
        Comparison comparison = null;
        MetricSnapshot baseline = null;
        if (r.baselineDetections() != null) {
            Path baselineFile = spool.regular(r.baselineDetections());
            Detections baselineDt = reader.readResults(baselineFile, inputs.groundTruth());
            OutcomeTable baselineTable = withOutcomes(inputs.groundTruth(), baselineDt, p, gtFile, baselineFile);
            comparison = PairedComparison.compare(table, baselineTable, r.comparisonSettings());
            baseline = MetricSnapshots.of(baselineTable.result());
        }
        return new Evaluated(report(r, inputs, p, result, reader, intervals, comparison), baseline);
    }

    /** Evaluates the detections and the baseline detections and compares them (no intervals, no report). */
    static ComparisonOutcome compare(GateRequest r, Spool spool) {
        CocoParams p = params(r, spool);
        Path gtFile = spool.regular(r.groundTruth());
        Path dtFile = spool.regular(r.detections());
        CocoJsonReader reader = new CocoJsonReader(p.iouType());
        CocoJsonReader.Inputs inputs = reader.readBoth(gtFile, dtFile);
        OutcomeTable candidate = withOutcomes(inputs.groundTruth(), inputs.detections(), p, gtFile, dtFile);
        Path baselineFile = spool.regular(r.baselineDetections());
        Detections baselineDt = reader.readResults(baselineFile, inputs.groundTruth());
        OutcomeTable baseline = withOutcomes(inputs.groundTruth(), baselineDt, p, gtFile, baselineFile);
        List<String> warnings = new ArrayList<>(reader.warnings());
        warnings.addAll(candidate.result().warnings());
        return new ComparisonOutcome(PairedComparison.compare(candidate, baseline, r.comparisonSettings()),
                candidate.imageCount(), warnings);
    }

    private static EvaluationReport report(GateRequest r, CocoJsonReader.Inputs inputs, CocoParams p,
            CocoResult result, CocoJsonReader reader, ConfidenceIntervals intervals, Comparison comparison) {
        if (r.confidence() == null && r.confusionMatrix() == null && intervals == null && comparison == null) {
            return EvaluationReport.coco(result, reader.warnings());
        }
        OperatingPoints points = r.confidence() == null ? null
                : OperatingPoints.compute(inputs.groundTruth(), inputs.detections(), p, r.operatingIou());
        DetectionConfusionMatrix matrix = r.confusionMatrix() == null ? null
                : DetectionConfusionMatrix.compute(inputs.groundTruth(), inputs.detections(), p, r.operatingIou(),
                        r.confidence() == null ? 0.0 : r.confidence(), r.confusionMatrix());
        return EvaluationReport.coco(result, reader.warnings(), points == null ? null : points.at(r.confidence()),
                points == null ? null : points.bestF1(), matrix, intervals, comparison);
    }

    /** Evaluates and keeps the match table (for intervals and comparisons). */
    private static OutcomeTable withOutcomes(GroundTruth gt, Detections dt, CocoParams p, Path gtFile, Path dtFile) {
        try {
            return OutcomeTable.evaluate(gt, dt, p, true);
        } catch (KeypointCountException e) {
            throw located(e, gtFile, dtFile);
        }
    }

    /** Evaluates without keeping anything beyond the result. */
    private static CocoResult plain(GroundTruth gt, Detections dt, CocoParams p, Path gtFile, Path dtFile) {
        try {
            return CocoEvaluator.evaluate(gt, dt, p);
        } catch (KeypointCountException e) {
            throw located(e, gtFile, dtFile);
        }
    }

    private static InputException located(KeypointCountException e, Path gtFile, Path dtFile) {
        return e.groundTruth()
                ? new InputException(gtFile.toString(), "annotations[" + e.row() + "].keypoints", e.getMessage())
                : new InputException(dtFile.toString(), "[" + e.row() + "].keypoints", e.getMessage());
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
    static Evaluated voc(GateRequest r, Spool spool) {
        VocReader reader = new VocReader();
        if (r.imageSet() != null) {
            reader = reader.withImageSet(r.imageSet());
        }
        VocDataset gt = reader.readGroundTruth(spool.regular(r.groundTruth()));
        VocDetections dt = reader.readDetections(spool.regular(r.detections()), gt);
        VocResult result = VocEvaluator.evaluate(gt, dt, r.vocParams());
        return new Evaluated(EvaluationReport.voc(result, r.protocol(), reader.warnings()), null);
    }
}
