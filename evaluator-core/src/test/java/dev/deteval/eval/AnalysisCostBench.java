package dev.deteval.eval;

import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CrossClassPass;
import dev.deteval.eval.coco.Curves;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.ErrorBreakdown;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.coco.OutcomeTable;
import dev.deteval.eval.coco.PerImageCounts;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.report.CocoAnalyses;
import dev.deteval.eval.report.EvaluationReport;
import dev.deteval.eval.report.HtmlReport;
import dev.deteval.eval.report.PerImageReport;
import dev.deteval.eval.report.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: a benchmark for docs/benchmarks.md. Runs the steps of an evaluation with every analysis once,
 * in a fresh JVM, one after the other, and prints the CPU time of the whole process (user and system, all
 * threads: the JIT compilers and the collector included; Linux only) and the wall time of each step, cold as in
 * a command-line run.
 *
 * <pre>
 * java -cp evaluator-core/target/deteval.jar:evaluator-core/target/test-classes dev.deteval.eval.AnalysisCostBench \
 *     GT.json DT.json [separate]
 * </pre>
 * With {@code separate} the confusion matrix and the error breakdown run one after the other (as before the
 * shared pass), else from one {@link CrossClassPass}.
 */
public final class AnalysisCostBench {

    private static long cpu = processCpuNanos();
    private static long wall = System.nanoTime();

    private AnalysisCostBench() {
    }

    private static void lap(String step) {
        long c = processCpuNanos();
        long w = System.nanoTime();
        System.out.printf("%-10s CPU %5.0f ms  wall %5.0f ms%n", step, (c - cpu) / 1e6, (w - wall) / 1e6);
        cpu = c;
        wall = w;
    }

    /** User plus system CPU time of this process so far, from {@code /proc/self/stat} (Linux; 10 ms steps). */
    private static long processCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of the file (utime, stime), in clock ticks of 10 ms
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the steps on the ground truth {@code args[0]} and the detections {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        boolean separate = args.length > 2 && args[2].equals("separate");
        CocoJsonReader.Inputs in = new CocoJsonReader().readBoth(Path.of(args[0]), Path.of(args[1]));
        GroundTruth gt = in.groundTruth();
        Detections dt = in.detections();
        lap("read");
        CocoParams p = CocoParams.defaults();
        OutcomeTable table = OutcomeTable.evaluate(gt, dt, p, true);
        lap("evaluate");
        OperatingPoints points = OperatingPoints.compute(table, gt, dt, 0.5);
        lap("points");
        ErrorBreakdown errors;
        DetectionConfusionMatrix matrix;
        DetectionConfusionMatrix.Matching aware = DetectionConfusionMatrix.Matching.CLASS_AWARE;
        if (separate) {
            matrix = DetectionConfusionMatrix.compute(gt, dt, p, 0.5, 0.25, aware);
            lap("matrix");
            errors = ErrorBreakdown.compute(gt, dt, p, ErrorBreakdown.DEFAULT_FOREGROUND,
                    ErrorBreakdown.DEFAULT_BACKGROUND, false);
            lap("errors");
        } else {
            CrossClassPass pass = CrossClassPass.compute(gt, dt, p, false, 0.5, 0.25, aware);
            errors = pass.errors();
            matrix = pass.matrix();
            lap("pass");
        }
        PerImageCounts counts = PerImageCounts.compute(table, gt, dt, 0.5, 0.25);
        lap("per-image");
        Curves curves = Curves.of(table.result(), points);
        lap("curves");
        HtmlReport page = HtmlReport.coco(table.result()).optOperatingPoints(points).optConfusionMatrix(matrix)
                .optErrorBreakdown(errors).optWorstImages(counts, 20).build();
        lap("page-view");
        page.write(OutputStream.nullOutputStream(), null);
        lap("page-write");
        EvaluationReport.coco(table.result(), List.of(), new CocoAnalyses(points.at(0.25), points.bestF1(), matrix,
                errors, curves, null, null)).write(ReportFormat.JSON, null, OutputStream.nullOutputStream());
        lap("json");
        PerImageReport.writeJsonLines(counts, OutputStream.nullOutputStream());
        lap("jsonl");
    }
}
