package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.Outcome;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.Comparison;
import dev.deteval.eval.coco.ConfidenceIntervals;
import dev.deteval.eval.coco.Curves;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.ErrorBreakdown;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.coco.OperatingPointTable;
import dev.deteval.eval.voc.VocResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamException;

/**
 * One evaluation, whatever the protocol, in every form a front-end shows: the metric values the gate
 * checks, the warnings, the headline lines, and the text, JSON, Markdown, JUnit XML and HTML reports, each
 * with the gate's outcome when there is one. Rendered when asked for (a JSON-only run never formats
 * text). Immutable.
 */
public final class EvaluationReport {

    /** Writes the protocol's own JSON members into an object a generator has started. */
    @FunctionalInterface
    private interface JsonMembers {
        void write(JsonGenerator g) throws IOException;
    }

    /** The JUnit test suite name. */
    public static final String SUITE = "deteval";

    private final MetricSnapshot snapshot;
    private final List<String> warnings;
    private final Supplier<List<String>> headline;
    private final Supplier<String> text;
    private final Supplier<String> markdown;
    private final JsonMembers jsonMembers;
    private final Supplier<HtmlReport> html;

    private EvaluationReport(MetricSnapshot snapshot, List<String> warnings, Supplier<List<String>> headline,
            Supplier<String> text, Supplier<String> markdown, JsonMembers jsonMembers, Supplier<HtmlReport> html) {
        this.snapshot = snapshot;
        this.warnings = List.copyOf(warnings);
        this.headline = headline;
        this.text = text;
        this.markdown = markdown;
        this.jsonMembers = jsonMembers;
        this.html = html;
    }

    /**
     * This report with another HTML page (by default the page has the summary, the table and, for COCO, the
     * precision-recall curves): for example one with the analyses' sections. Built when rendered.
     */
    public EvaluationReport withHtml(Supplier<HtmlReport> page) {
        return new EvaluationReport(snapshot, warnings, headline, text, markdown, jsonMembers, page);
    }

    /**
     * A COCO evaluation's reports.
     *
     * @param readerWarnings warnings about the input files, shown before the evaluation's own
     */
    public static EvaluationReport coco(CocoResult result, List<String> readerWarnings) {
        List<String> warnings = new ArrayList<>(readerWarnings);
        warnings.addAll(result.warnings());
        return new EvaluationReport(MetricSnapshots.of(result), warnings, () -> CocoTextReport.summaryLines(result),
                () -> CocoTextReport.render(result), () -> MarkdownReport.coco(result),
                g -> JsonReport.writeCocoMembers(result, g, warnings),
                () -> HtmlReport.coco(result).optWarnings(readerWarnings).build());
    }

    /**
     * A COCO evaluation's reports with analyses: the text report ends with their tables, the JSON report has
     * the members {@code operatingPoint} and {@code bestF1} (see {@link OperatingPointReport}) and
     * {@code confusionMatrix} (see {@link ConfusionMatrixReport}) after the usual ones; Markdown and JUnit
     * are unchanged. With all three null this equals {@link #coco(CocoResult, List)}.
     *
     * @param readerWarnings warnings about the input files, shown before the evaluation's own
     * @param at the points at the requested confidence, or null (then {@code best} must be null too)
     * @param best the best-F1 points, or null
     * @param matrix the detection confusion matrix, or null
     */
    public static EvaluationReport coco(CocoResult result, List<String> readerWarnings, OperatingPointTable at,
            OperatingPointTable best, DetectionConfusionMatrix matrix) {
        return coco(result, readerWarnings, new CocoAnalyses(at, best, matrix, null, null, null, null));
    }

    /**
     * A COCO evaluation's reports with analyses and statistics. The text report ends with the tables of the
     * operating points, the confusion matrix, the error breakdown, the confidence intervals and the comparison
     * with the baseline's detections, each when given; Markdown has the error breakdown, intervals and
     * comparison; the JSON report gains the members {@code operatingPoint} and {@code bestF1}
     * ({@link OperatingPointReport}), {@code confusionMatrix} ({@link ConfusionMatrixReport}), {@code errors}
     * ({@link ErrorBreakdownReport}), {@code curves} ({@link CurvesReport}), {@code intervals} at the top and
     * in each {@code perCategory} row ({@link IntervalReport}), {@code custom} (the custom metrics' values,
     * {@link CustomMetricReport}) and {@code comparison} ({@link ComparisonReport}); text and Markdown list the
     * custom metrics too, and the gate checks them by name;
     * intervals and the comparison also appear beside the values in the gate's messages.
     *
     * @param readerWarnings warnings about the input files, shown before the evaluation's own
     */
    public static EvaluationReport coco(CocoResult result, List<String> readerWarnings, CocoAnalyses a) {
        OperatingPointTable at = a.at();
        OperatingPointTable best = a.best();
        DetectionConfusionMatrix matrix = a.matrix();
        ErrorBreakdown errors = a.errors();
        Curves curves = a.curves();
        ConfidenceIntervals intervals = a.intervals();
        Comparison comparison = a.comparison();
        Map<String, Double> custom = a.custom();
        if ((at == null) != (best == null)) {
            throw new IllegalArgumentException("operating point and best F1 go together");
        }
        List<String> warnings = new ArrayList<>(readerWarnings);
        warnings.addAll(result.warnings());
        CategoryIds ids = CategoryIds.of(result);
        MetricSnapshot snapshot = MetricSnapshots.of(result, custom);
        if (intervals != null || comparison != null) {
            snapshot = MetricSnapshots.withStatistics(snapshot, intervals, comparison);
        }
        return new EvaluationReport(snapshot, warnings, () -> CocoTextReport.summaryLines(result),
                () -> CocoTextReport.render(result) + (at == null ? "" : OperatingPointReport.text(at, best, ids))
                        + (matrix == null ? "" : ConfusionMatrixReport.text(matrix, ids))
                        + (errors == null ? "" : ErrorBreakdownReport.text(errors))
                        + (custom.isEmpty() ? "" : CustomMetricReport.text(custom))
                        + (intervals == null ? "" : IntervalReport.text(result, intervals, custom))
                        + (comparison == null ? "" : ComparisonReport.text(comparison)),
                () -> MarkdownReport.coco(result) + (errors == null ? "" : ErrorBreakdownReport.markdown(errors))
                        + (custom.isEmpty() ? "" : CustomMetricReport.markdown(custom))
                        + (intervals == null ? "" : IntervalReport.markdown(result, intervals, custom))
                        + (comparison == null ? "" : ComparisonReport.markdown(comparison)),
                g -> {
                    JsonReport.writeCocoMembers(result, g, warnings, intervals);
                    if (at != null) {
                        OperatingPointReport.writeMembers(at, best, ids, g);
                    }
                    if (matrix != null) {
                        ConfusionMatrixReport.writeMember(matrix, ids, g);
                    }
                    if (errors != null) {
                        ErrorBreakdownReport.writeMember(errors, g);
                    }
                    if (curves != null) {
                        CurvesReport.writeMember(curves, g);
                    }
                    if (!custom.isEmpty()) {
                        CustomMetricReport.writeMember(custom, g);
                    }
                    if (intervals != null) {
                        IntervalReport.writeMember(intervals, g);
                    }
                    if (comparison != null) {
                        g.writeFieldName("comparison");
                        ComparisonReport.writeObject(comparison, g);
                    }
                }, () -> HtmlReport.coco(result).optWarnings(readerWarnings).optConfusionMatrix(matrix)
                        .optCustomMetrics(custom).build());
    }

    /**
     * An LVIS evaluation's reports (see {@link LvisReport}).
     *
     * @param readerWarnings warnings about the input files, shown before the evaluation's own
     */
    public static EvaluationReport lvis(LvisResult result, List<String> readerWarnings) {
        List<String> warnings = new ArrayList<>(readerWarnings);
        warnings.addAll(result.warnings());
        return new EvaluationReport(MetricSnapshots.of(result), warnings, () -> LvisReport.summaryLines(result),
                () -> LvisReport.text(result), () -> LvisReport.markdown(result),
                g -> LvisReport.writeMembers(result, warnings, g),
                () -> HtmlReport.lvis(result).optWarnings(readerWarnings).build());
    }

    /**
     * A Pascal VOC evaluation's reports under {@code protocol} (voc07: 11-point AP, voc12: all-point AP).
     *
     * @param warnings warnings about the input
     */
    public static EvaluationReport voc(VocResult result, Protocol protocol, List<String> warnings) {
        boolean eleven = protocol == Protocol.VOC07;
        String map = "mAP (" + protocol.id() + ") = " + Decimals.fixed(VocReport.map(result, eleven), 4);
        return new EvaluationReport(MetricSnapshots.of(result, protocol), warnings, () -> List.of(map),
                () -> VocReport.text(result, eleven, warnings), () -> VocReport.markdown(result, eleven, warnings),
                g -> VocReport.writeMembers(result, eleven, warnings, g),
                () -> HtmlReport.voc(result, protocol).optWarnings(warnings).build());
    }

    /** Metric values by name (for the gate). */
    public MetricSnapshot snapshot() {
        return snapshot;
    }

    /** Warnings about the input and the evaluation. */
    public List<String> warnings() {
        return warnings;
    }

    /** The headline lines (COCO: pycocotools' summary lines; LVIS: lvis-api's; VOC: the mAP). */
    public List<String> headline() {
        return List.copyOf(headline.get());
    }

    /**
     * The report in {@code format} as a string.
     *
     * @param gate the gate's outcome to include, or null when no rules were checked
     */
    public String render(ReportFormat format, CheckResult gate) {
        return switch (format) {
            case TEXT -> text(gate);
            case JSON -> json(gate);
            case MARKDOWN -> markdown(gate);
            case HTML -> html.get().render(gate);
            case JUNIT -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                writeJUnit(out, gate == null ? new CheckResult(List.of()) : gate);
                yield out.toString(StandardCharsets.UTF_8);
            }
        };
    }

    /** Writes the report in {@code format} to {@code out} (UTF-8), which stays open. */
    public void write(ReportFormat format, CheckResult gate, OutputStream out) throws IOException {
        if (format == ReportFormat.JUNIT) {
            writeJUnit(out, gate == null ? new CheckResult(List.of()) : gate);
            return;
        }
        if (format == ReportFormat.HTML) {
            html.get().write(out, gate);
            return;
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(format, gate, w);
        w.flush();
    }

    /**
     * Writes the report in {@code format} to {@code out}, which stays open: the JSON report as it is generated
     * (it can be large: the curves alone are about a megabyte at 80 categories), the others as rendered.
     *
     * @param gate the gate's outcome to include, or null when no rules were checked
     */
    public void write(ReportFormat format, CheckResult gate, Writer out) throws IOException {
        if (format == ReportFormat.JSON) {
            writeJson(gate, out);
        } else {
            out.write(render(format, gate));
        }
    }

    private String text(CheckResult gate) {
        StringBuilder out = new StringBuilder(text.get());
        if (gate != null) {
            out.append('\n');
            gate.violations().stream().map(Outcome::message).distinct().forEach(m -> out.append(m).append('\n'));
            out.append(gate.passed() ? CheckMessages.RULES_MET : CheckMessages.RULES_VIOLATED).append('\n');
        }
        return out.toString();
    }

    private String markdown(CheckResult gate) {
        StringBuilder out = new StringBuilder(markdown.get());
        if (gate != null) {
            out.append('\n');
            try {
                GateMarkdownWriter.write(out, gate);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    private String json(CheckResult gate) {
        StringWriter out = new StringWriter();
        try {
            writeJson(gate, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void writeJson(CheckResult gate, Writer out) throws IOException {
        try (JsonGenerator g = JsonReport.generator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            jsonMembers.write(g);
            if (gate != null) {
                GateJsonWriter.writeMember(g, gate);
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeJUnit(OutputStream out, CheckResult gate) {
        try {
            JUnitXmlWriter.write(out, gate, SUITE);
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }
}
