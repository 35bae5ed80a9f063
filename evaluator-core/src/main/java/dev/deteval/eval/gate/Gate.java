package dev.deteval.eval.gate;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.InvalidRuleException;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.RulesChecker;
import dev.deteval.eval.io.AtomicFile;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.io.OutputException;
import dev.deteval.eval.report.EvaluationReport;
import dev.deteval.eval.report.ReportFormat;
import dev.deteval.eval.report.ReportJsonReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a metric gate: reads the inputs, evaluates them under the request's protocol, checks the rules
 * against the evaluation and an optional baseline report, and writes the requested reports. The CLI's
 * {@code eval} and the Maven plugin's {@code check} both call this and only bind their options to a
 * {@link GateRequest}, so they read, evaluate, check and report the same way.
 *
 * <p>Order: the rules are checked against the protocol and the baseline first (a typo fails before the
 * evaluation runs), then against the evaluation (a metric or category it does not have).
 */
public final class Gate {

    private Gate() {
    }

    /**
     * Runs the gate.
     *
     * @throws InputException when an input or the baseline cannot be read (exit 2, build error)
     * @throws InvalidRuleException when the rules do not fit the protocol, evaluation or baseline, and
     *     {@link IllegalArgumentException} for invalid parameters (exit 2, build error)
     * @throws OutputException when a report cannot be written (exit 2, build error)
     */
    public static GateOutcome run(GateRequest request) {
        try (Spool spool = new Spool()) {
            try {
                return run(request, spool);
            } catch (InputException e) {
                throw spool.rename(e);
            }
        }
    }

    /**
     * Compares the request's detections with its baseline detections ({@link GateRequest.Builder#optBaselineDetections})
     * by a paired bootstrap, without rules or reports: what {@code deteval compare} prints.
     *
     * @throws InputException when an input cannot be read (exit 2)
     * @throws IllegalArgumentException for a request without baseline detections, or a VOC protocol
     */
    public static ComparisonOutcome compare(GateRequest request) {
        if (request.baselineDetections() == null || request.protocol().voc()) {
            throw new IllegalArgumentException("a comparison needs COCO ground truth, detections and baseline detections");
        }
        try (Spool spool = new Spool()) {
            try {
                return Evaluations.compare(request, spool);
            } catch (InputException e) {
                throw spool.rename(e);
            }
        }
    }

    private static GateOutcome run(GateRequest request, Spool spool) {
        RulesChecker checker = new RulesChecker(request.rules());
        Path baselineFile = spool.regular(request.baseline());
        MetricSnapshot baseline = baselineFile == null ? null : ReportJsonReader.read(baselineFile);
        checker.validate(request.protocol(), baseline, request.baselineDetections() != null);
        Evaluations.Evaluated evaluated;
        try {
            request.progress().start("read", -1);
            evaluated = switch (request.protocol()) {
                case VOC07, VOC12 -> Evaluations.voc(request, spool);
                case LVIS -> Evaluations.lvis(request, spool);
                case COCO -> Evaluations.coco(request, spool);
            };
        } finally {
            request.progress().finish();
        }
        EvaluationReport report = evaluated.report();
        // with baseline detections their evaluation is the baseline (a request never has both)
        MetricSnapshot against = evaluated.baseline() != null ? evaluated.baseline() : baseline;
        CheckResult check = request.rules().isEmpty() ? null : checker.check(report.snapshot(), against);
        return new GateOutcome(report, check, write(request, report, check));
    }

    private static List<Path> write(GateRequest request, EvaluationReport report, CheckResult check) {
        List<Path> files = new ArrayList<>();
        if (request.htmlFile() != null) {
            Path parent = request.htmlFile().toAbsolutePath().getParent();
            if (parent != null) {
                AtomicFile.createFolder(parent);
            }
            AtomicFile.write(request.htmlFile(), out -> report.write(ReportFormat.HTML, check, out));
            files.add(request.htmlFile());
        }
        if (request.outputFolder() == null) {
            return files;
        }
        AtomicFile.createFolder(request.outputFolder());
        for (ReportFormat format : ReportFormat.values()) {
            if (request.formats().contains(format)) {
                Path file = request.outputFolder().resolve(format.fileName());
                AtomicFile.write(file, out -> report.write(format, check, out));
                files.add(file);
            }
        }
        return files;
    }
}
