package dev.deteval.eval.report;

import java.util.Locale;

/** The report formats and the file each is written to in an output folder. */
public enum ReportFormat {
    /** Plain text: pycocotools' summary lines, a per-category table, the gate's verdict. */
    TEXT("report.txt"),
    /** JSON at full precision, with a {@code gate} member; readable later as a baseline. */
    JSON("report.json"),
    /** Markdown tables and a "Metric gate" section. */
    MARKDOWN("report.md"),
    /** The gate as JUnit XML (one test case per limit and element), which CI servers collect. */
    JUNIT("TEST-deteval.xml"),
    /** One self-contained HTML page with tables, curves and the confusion matrix ({@link HtmlReport}). */
    HTML("report.html");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file name in an output folder. */
    public String fileName() {
        return fileName;
    }

    /**
     * Parses {@code text}, {@code json}, {@code markdown}, {@code junit} or {@code html}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ReportFormat parse(String text) {
        String t = text == null ? "" : text.trim();
        for (ReportFormat f : values()) {
            if (f.name().equalsIgnoreCase(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "': expected text, json, markdown,"
                + " junit or html");
    }

    /** The lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
