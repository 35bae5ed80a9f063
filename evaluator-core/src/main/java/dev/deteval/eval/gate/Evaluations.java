package dev.deteval.eval.gate;

import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.coco.Bootstrap;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.check.Element;
import dev.deteval.eval.check.Limit;
import dev.deteval.eval.check.Rule;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.CustomMetric;
import dev.deteval.eval.coco.CustomMetrics;
import dev.deteval.eval.coco.CrossClassPass;
import dev.deteval.eval.coco.Comparison;
import dev.deteval.eval.coco.ConfidenceIntervals;
import dev.deteval.eval.coco.Curves;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.ErrorBreakdown;
import dev.deteval.eval.coco.EvaluationProgress;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.coco.KeypointCountException;
import dev.deteval.eval.coco.LvisEvaluator;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.coco.OutcomeTable;
import dev.deteval.eval.coco.PairedComparison;
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
import dev.deteval.eval.readahead.ReadAhead;
import dev.deteval.eval.report.CocoAnalyses;
import dev.deteval.eval.report.EvaluationReport;
import dev.deteval.eval.report.HtmlReport;
import dev.deteval.eval.report.MetricSnapshots;
import dev.deteval.eval.report.PerImageReport;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import dev.deteval.eval.voc.VocEvaluator;
import dev.deteval.eval.voc.VocResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Reads a request's inputs and evaluates them with the protocol's evaluator. */
final class Evaluations {

    /** How many of the worst images the HTML report lists. */
    static final int WORST_IMAGES = 20;
    /**
     * An evaluation's reports and, when the request gave the baseline's detections, their values as the
     * baseline of drop limits (else null).
     */
    record Evaluated(EvaluationReport report, MetricSnapshot baseline) {
    }

    private Evaluations() {
    }

    /**
     * A COCO evaluation: parameters from the file and the request's overrides, then both inputs read at once;
     * a ground truth named {@code *.yaml} or {@code *.yml} is a YOLO dataset, read with its predictions by
     * {@link YoloReader}.
     */
    static Evaluated coco(GateRequest r, Spool spool) {
        CocoParams p = params(r, spool);
        Path gtFile = spool.regular(r.groundTruth());
        Path dtFile = spool.regular(r.detections());
        Read read = read(r, p, gtFile, dtFile);
        CocoJsonReader.Inputs inputs = read.inputs();
        List<CustomMetric> custom = customMetrics(r);
        // the analyses across classes need the inputs only: they run beside the evaluation, and stop when it fails
        CrossClassRun crossClass = startCrossClass(r, inputs.groundTruth(), inputs.detections(), p);
        try {
            return evaluate(r, spool, p, gtFile, dtFile, read, custom, crossClass);
        } catch (RuntimeException | Error e) {
            if (crossClass != null) {
                crossClass.cancel();
            }
            throw e;
        }
    }

    /** The evaluation, statistics and report of {@link #coco}, once the inputs are read. */
    private static Evaluated evaluate(GateRequest r, Spool spool, CocoParams p, Path gtFile, Path dtFile, Read read,
            List<CustomMetric> custom, CrossClassRun crossClass) {
        CocoJsonReader.Inputs inputs = read.inputs();
        boolean statistics = r.bootstrap() != null || r.baselineDetections() != null || !custom.isEmpty();
        // the match table when something reads it (statistics, custom metrics, operating points, curves, the
        // page, per-image counts); else the plain evaluation, which keeps nothing
        boolean keep = statistics || r.confidence() != null || r.curves() || r.html() || r.perImage() != null;
        OutcomeTable table = keep ? withOutcomes(inputs.groundTruth(), inputs.detections(), p, r.progress(), gtFile,
                dtFile) : null;
        CocoResult result = keep ? table.result()
                : plain(inputs.groundTruth(), inputs.detections(), p, r, gtFile, dtFile);
        Map<String, Double> customValues = custom(table, custom, r.detections());
        ConfidenceIntervals intervals = r.bootstrap() == null ? null
                : Bootstrap.intervals(table, r.bootstrap(), custom);
        Comparison comparison = null;
        MetricSnapshot baseline = null;
        if (r.baselineDetections() != null) {
            Path baselineFile = spool.regular(r.baselineDetections());
            Detections baselineDt = read.baseline(baselineFile, inputs.groundTruth());
            OutcomeTable baselineTable = withOutcomes(inputs.groundTruth(), baselineDt, p, EvaluationProgress.NONE,
                    gtFile, baselineFile);
            // the baseline's custom values first: what its detections lack is an error naming its file
            baseline = MetricSnapshots.of(baselineTable.result(), custom(baselineTable, custom, r.baselineDetections()));
            comparison = PairedComparison.compare(table, baselineTable, r.comparisonSettings(), custom);
        }
        return new Evaluated(report(r, inputs, result, table, crossClass == null ? null : crossClass.done(),
                read.warnings(), intervals, comparison, customValues), baseline);
    }

    /** The request's custom metrics and the installed ones its dataset rules name, each once. */
    private static List<CustomMetric> customMetrics(GateRequest r) {
        List<CustomMetric> out = new ArrayList<>(r.metrics());
        List<String> named = new ArrayList<>();
        for (Rule rule : r.rules()) {
            for (Limit limit : rule.limits()) {
                String custom = rule.element() == Element.DATASET ? CustomMetrics.canonical(limit.metric()) : null;
                if (custom != null && out.stream().noneMatch(m -> m.name().equals(custom))) {
                    named.add(custom);
                }
            }
        }
        out.addAll(CustomMetrics.named(named));
        CustomMetrics.checkNames(out);
        return List.copyOf(out);
    }

    /** The custom metrics' values; what a metric needs and the results lack is an error naming the results file. */
    private static Map<String, Double> custom(OutcomeTable table, List<CustomMetric> metrics, Path dtFile) {
        if (metrics.isEmpty()) {
            return Map.of();
        }
        try {
            return CustomMetrics.compute(table, metrics);
        } catch (IllegalArgumentException e) {
            throw new InputException(dtFile.toString(), "", e.getMessage());
        }
    }

    /** Evaluates the detections and the baseline detections and compares them (no intervals, no report). */
    static ComparisonOutcome compare(GateRequest r, Spool spool) {
        CocoParams p = params(r, spool);
        Path gtFile = spool.regular(r.groundTruth());
        Path dtFile = spool.regular(r.detections());
        Read read = read(r, p, gtFile, dtFile);
        CocoJsonReader.Inputs inputs = read.inputs();
        OutcomeTable candidate = withOutcomes(inputs.groundTruth(), inputs.detections(), p, EvaluationProgress.NONE,
                gtFile, dtFile);
        Path baselineFile = spool.regular(r.baselineDetections());
        Detections baselineDt = read.baseline(baselineFile, inputs.groundTruth());
        OutcomeTable baseline = withOutcomes(inputs.groundTruth(), baselineDt, p, EvaluationProgress.NONE, gtFile,
                baselineFile);
        List<String> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(candidate.result().warnings());
        return new ComparisonOutcome(PairedComparison.compare(candidate, baseline, r.comparisonSettings()),
                candidate.imageCount(), warnings);
    }

    /**
     * The inputs as read, the readers' warnings, and how to read the baseline's detections against the same
     * ground truth (COCO results JSON, or YOLO predictions for a YOLO dataset).
     */
    private record Read(CocoJsonReader.Inputs inputs, List<String> warnings, CocoJsonReader coco, YoloReader yolo) {
        Detections baseline(Path file, GroundTruth gt) {
            return yolo != null ? yolo.readDetections(file, gt) : coco.readResults(file, gt);
        }
    }

    private static Read read(GateRequest r, CocoParams p, Path gtFile, Path dtFile) {
        Read read;
        if (YoloReader.isDatasetYaml(r.groundTruth())) {
            if (p.iouType() != IouType.BBOX) {
                throw new IllegalArgumentException("a YOLO dataset has boxes only: iouType " + p.iouType().label()
                        + " cannot be evaluated on " + r.groundTruth());
            }
            YoloReader yolo = r.split() == null ? new YoloReader() : new YoloReader().withSplit(r.split());
            GroundTruth gt = yolo.readGroundTruth(r.groundTruth());
            CocoJsonReader.Inputs inputs = new CocoJsonReader.Inputs(gt, yolo.readDetections(dtFile, gt));
            read = new Read(inputs, yolo.warnings(), null, yolo);
        } else {
            if (r.split() != null) {
                throw new IllegalArgumentException("a split (" + r.split() + ") applies to a YOLO dataset YAML file,"
                        + " not to " + r.groundTruth());
            }
            Optional<ReadAhead.Done> ahead = ReadAhead.take(gtFile, dtFile, p.iouType());
            CocoJsonReader reader = ahead.isPresent() ? ahead.get().reader() : new CocoJsonReader(p.iouType());
            CocoJsonReader.Inputs inputs = ahead.isPresent() ? ahead.get().inputs() : reader.readBoth(gtFile, dtFile);
            read = new Read(inputs, reader.warnings(), reader, null);
        }
        requireNumericSelection(p, read.inputs().groundTruth(), r.params(), r.groundTruth());
        return read;
    }

    /**
     * The report with the analyses asked for; operating points and per-image counts read from {@code table}
     * (the evaluation's match table, null when no analysis needs it) where it matched at their IoU.
     */
    private static EvaluationReport report(GateRequest r, CocoJsonReader.Inputs inputs, CocoResult result,
            OutcomeTable table, CompletableFuture<Started> started, List<String> warnings,
            ConfidenceIntervals intervals, Comparison comparison, Map<String, Double> custom) {
        boolean html = r.html();
        if (r.confidence() == null && r.confusionMatrix() == null && !r.errors() && !r.curves()
                && r.perImage() == null && !html && intervals == null && comparison == null && custom.isEmpty()) {
            return EvaluationReport.coco(result, warnings);
        }
        GroundTruth gt = inputs.groundTruth();
        Detections dt = inputs.detections();
        boolean asked = r.confidence() != null;
        double confidence = asked ? r.confidence() : 0.0;
        // the page's heat map and worst images: at the requested confidence, else where the pooled F1 is best
        // (then this thread computes the operating points first and hands them to the analyses' thread)
        CompletableFuture<OperatingPoints> first = html && !asked ? new CompletableFuture<>() : null;
        // the operating points, curves and the page's charts on another thread, while this one assigns the
        // confusion matrices and counts each image's hits; that thread starts with the page's sections that
        // need no operating points while this one computes the page's first ones
        Supplier<Extras> work = () -> extras(r, gt, dt, result, table, first, warnings, custom);
        CompletableFuture<Extras> extras = asked || r.curves() || html
                ? CompletableFuture.supplyAsync(work, task -> startThread(task, "deteval-analyses"))
                : CompletableFuture.completedFuture(work.get());
        double pageConfidence = !html ? Double.NaN : asked ? confidence : firstPoints(first, table, gt, dt,
                r.operatingIou()).bestF1().overall().confidence();
        CrossClass cross = crossClass(r, started == null ? null : join(started), confidence, pageConfidence);
        PerImageCounts worst = perImage(r, gt, dt, table, confidence, pageConfidence);
        Extras more = join(extras);
        OperatingPoints points = more.points();
        EvaluationReport report = EvaluationReport.coco(result, warnings, new CocoAnalyses(
                asked ? points.at(confidence) : null, asked ? points.bestF1() : null, cross.matrix(),
                r.errors() ? cross.errors() : null, more.curves(), intervals, comparison, custom));
        if (!html) {
            return report;
        }
        HtmlReport.Builder page = more.page();
        DetectionConfusionMatrix heatMap = cross.heatMap();
        ErrorBreakdown errors = cross.errors();
        // each of these replaces its section, so building the page twice gives the same page
        return report.withHtml(() -> page.optConfusionMatrix(heatMap).optErrorBreakdown(errors)
                .optWorstImages(worst, WORST_IMAGES).build());
    }

    /**
     * What the report reads from the match table on the analyses' thread, each null when not asked for: the
     * operating points, the curves, and the page with the sections that need neither the error breakdown, the
     * heat map nor the worst images.
     */
    private record Extras(OperatingPoints points, Curves curves, HtmlReport.Builder page) {
    }

    /**
     * The operating points ({@code first}'s when another thread computes them), the curves and the page's
     * first sections (those that need no operating points are built before waiting for {@code first}).
     */
    private static Extras extras(GateRequest r, GroundTruth gt, Detections dt, CocoResult result, OutcomeTable table,
            CompletableFuture<OperatingPoints> first, List<String> warnings, Map<String, Double> custom) {
        boolean html = r.html();
        HtmlReport.Builder page = !html ? null : HtmlReport.coco(result).optWarnings(warnings).optCustomMetrics(custom);
        OperatingPoints points = first != null ? join(first) : r.confidence() == null && !r.curves() && !html ? null
                : OperatingPoints.compute(table, gt, dt, r.operatingIou());
        Curves curves = r.curves() ? Curves.of(result, points) : null;
        if (page != null) {
            page.optOperatingPoints(points);
        }
        return new Extras(points, curves, page);
    }

    /**
     * Computes the operating points read from {@code table} and completes {@code first} with them (or with
     * what the computation threw, which is thrown here too).
     */
    private static OperatingPoints firstPoints(CompletableFuture<OperatingPoints> first, OutcomeTable table,
            GroundTruth gt, Detections dt, double iou) {
        try {
            OperatingPoints points = OperatingPoints.compute(table, gt, dt, iou);
            first.complete(points);
            return points;
        } catch (RuntimeException | Error e) {
            first.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * The per-image counts written to their file (when asked for) and the page's worst images (at the page's
     * confidence; null without a page).
     */
    private static PerImageCounts perImage(GateRequest r, GroundTruth gt, Detections dt, OutcomeTable table,
            double confidence, double pageConfidence) {
        PerImageCounts counts = r.perImage() == null ? null
                : PerImageCounts.compute(table, gt, dt, r.operatingIou(), confidence);
        if (counts != null) {
            if (r.outputFolder() != null && r.perImage().toAbsolutePath().getParent() != null
                    && r.perImage().toAbsolutePath().getParent().equals(r.outputFolder().toAbsolutePath())) {
                AtomicFile.createFolder(r.outputFolder()); // the reports' folder, which the gate creates anyway
            }
            AtomicFile.write(r.perImage(), out -> PerImageReport.writeJsonLines(counts, out));
        }
        if (!r.html()) {
            return null;
        }
        return counts != null && r.confidence() != null ? counts
                : PerImageCounts.compute(table, gt, dt, r.operatingIou(), pageConfidence);
    }

    /**
     * The error breakdown (null unless asked for or the page shows it), the confusion matrix asked for and
     * the page's heat map (each null when not wanted).
     */
    private record CrossClass(ErrorBreakdown errors, DetectionConfusionMatrix matrix, DetectionConfusionMatrix heatMap) {
    }

    /**
     * What the pass across classes built before the confidences were known: the shared pass (error breakdown
     * and one confusion matrix at any confidence), or the error breakdown alone, or the matrix alone (asked
     * for without the page, so at the requested confidence); the others null.
     */
    private record Started(CrossClassPass pass, ErrorBreakdown errors, DetectionConfusionMatrix matrix) {
    }

    /** The analyses across classes running on {@code thread}; {@code done} completes with them. */
    private record CrossClassRun(CompletableFuture<Started> done, Thread thread) {
        /** Stops the pass at its next image (it checks for an interrupt) when nobody will read it. */
        void cancel() {
            thread.interrupt();
        }
    }

    /**
     * Starts the analyses that compare detections with ground truths of other classes on a thread of their
     * own (they need the inputs and no evaluation result), or returns null when none is wanted. The error
     * breakdown and one confusion matrix (the page's heat map when there is a page, else the one asked for)
     * share one pass over the images ({@link CrossClassPass}), which leaves the matrix's confidence open: the
     * page's is the best-F1 confidence of the operating points, known only after the evaluation.
     */
    private static CrossClassRun startCrossClass(GateRequest r, GroundTruth gt, Detections dt, CocoParams p) {
        boolean html = r.html();
        boolean errorsWanted = r.errors() || html;
        DetectionConfusionMatrix.Matching asked = r.confusionMatrix();
        DetectionConfusionMatrix.Matching passMatching = html
                ? (asked == null ? DetectionConfusionMatrix.Matching.CLASS_AWARE : asked) : asked;
        if (!errorsWanted && passMatching == null) {
            return null;
        }
        double confidence = r.confidence() != null ? r.confidence() : 0.0;
        Supplier<Started> work = () -> {
            if (errorsWanted && passMatching != null) {
                return new Started(CrossClassPass.compute(gt, dt, p, r.errorsAllThresholds(), r.operatingIou(),
                        passMatching, false), null, null);
            }
            if (errorsWanted) {
                return new Started(null, ErrorBreakdown.compute(gt, dt, p, ErrorBreakdown.DEFAULT_FOREGROUND,
                        ErrorBreakdown.DEFAULT_BACKGROUND, r.errorsAllThresholds(), false), null);
            }
            return new Started(null, null, DetectionConfusionMatrix.compute(gt, dt, p, r.operatingIou(), confidence,
                    passMatching));
        };
        CompletableFuture<Started> done = new CompletableFuture<>();
        Thread thread = startThread(() -> {
            try {
                done.complete(work.get());
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
                return;
            }
            if (html) {
                try {
                    HtmlReport.prepare(); // the page's template, while the evaluation ends (it usually ends later)
                } catch (RuntimeException | Error e) {
                    // writing the page compiles it again and reports what is wrong
                }
            }
        }, "deteval-cross-class");
        return new CrossClassRun(done, thread);
    }

    /**
     * The analyses across classes at their confidences: the shared pass's matrix at the page's confidence
     * (the heat map) or at the requested one; the matrix asked for is the heat map when both are at the same
     * confidence, else the same pass's matrix at the requested confidence.
     */
    private static CrossClass crossClass(GateRequest r, Started started, double confidence, double pageConfidence) {
        if (started == null) {
            return new CrossClass(null, null, null);
        }
        boolean html = r.html();
        CrossClassPass pass = started.pass();
        ErrorBreakdown errors = pass != null ? pass.errors() : started.errors();
        double passConfidence = html ? pageConfidence : confidence;
        DetectionConfusionMatrix passMatrix = pass != null ? pass.matrix(passConfidence) : started.matrix();
        if (!html) {
            return new CrossClass(errors, passMatrix, null);
        }
        DetectionConfusionMatrix.Matching asked = r.confusionMatrix();
        boolean sameMatrix = asked != null && r.confidence() != null;
        DetectionConfusionMatrix matrix = asked == null ? null : sameMatrix ? passMatrix : pass.matrix(confidence);
        return new CrossClass(errors, matrix, passMatrix);
    }

    /** Starts {@code task} on a daemon thread of its own, named {@code name}, and returns the thread. */
    private static Thread startThread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The value of {@code future}, or what it threw, as thrown. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Evaluates and keeps the match table (for intervals, comparisons and the analyses that read it), telling
     * {@code progress} about each category.
     */
    private static OutcomeTable withOutcomes(GroundTruth gt, Detections dt, CocoParams p, EvaluationProgress progress,
            Path gtFile, Path dtFile) {
        try {
            return OutcomeTable.evaluate(gt, dt, p, true, progress);
        } catch (KeypointCountException e) {
            throw located(e, gtFile, dtFile);
        }
    }

    /** Evaluates without keeping anything beyond the result. */
    private static CocoResult plain(GroundTruth gt, Detections dt, CocoParams p, GateRequest r, Path gtFile,
            Path dtFile) {
        try {
            return CocoEvaluator.evaluate(gt, dt, p, true, r.progress());
        } catch (KeypointCountException e) {
            throw located(e, gtFile, dtFile);
        }
    }

    private static InputException located(KeypointCountException e, Path gtFile, Path dtFile) {
        return e.groundTruth()
                ? new InputException(gtFile.toString(), "annotations[" + e.row() + "].keypoints", e.getMessage())
                : new InputException(dtFile.toString(), "[" + e.row() + "].keypoints", e.getMessage());
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
    static Evaluated lvis(GateRequest r, Spool spool) {
        Path gtFile = spool.regular(r.groundTruth());
        Path dtFile = spool.regular(r.detections());
        IouType type = r.iouType() == null ? IouType.BBOX : r.iouType();
        LvisJsonReader reader = new LvisJsonReader(type);
        LvisJsonReader.Inputs inputs = reader.readBoth(gtFile, dtFile);
        LvisResult result = LvisEvaluator.evaluate(inputs.groundTruth(), inputs.detections(), type, true);
        return new Evaluated(EvaluationReport.lvis(result, reader.warnings()), null);
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
