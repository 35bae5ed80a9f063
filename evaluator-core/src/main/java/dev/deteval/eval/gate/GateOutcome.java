package dev.deteval.eval.gate;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.report.EvaluationReport;
import dev.deteval.eval.report.ReportFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * What a gate run produced: the evaluation's reports, the gate's verdict (null when the request had no
 * rules) and the report files written.
 *
 * @param report the evaluation in every report format
 * @param check the outcome of every limit, or null without rules
 * @param files the files written, in {@link ReportFormat} order; empty without an output folder
 */
public record GateOutcome(EvaluationReport report, CheckResult check, List<Path> files) {

    /** Copies the file list. */
    public GateOutcome {
        files = List.copyOf(files);
    }

    /** Whether every rule holds (true without rules). */
    public boolean passed() {
        return check == null || check.passed();
    }

    /** The report in {@code format}, with the gate's outcome when there were rules. */
    public String render(ReportFormat format) {
        return report.render(format, check);
    }

    /**
     * Writes the report in {@code format}, with the gate's outcome when there were rules, to {@code out}, which
     * stays open (the JSON report as it is generated, see {@link EvaluationReport#write(ReportFormat, CheckResult,
     * java.io.Writer)}).
     */
    public void write(ReportFormat format, Writer out) throws IOException {
        report.write(format, check, out);
    }
}
