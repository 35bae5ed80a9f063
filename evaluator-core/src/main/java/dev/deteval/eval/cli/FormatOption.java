package dev.deteval.eval.cli;

import dev.deteval.eval.report.ReportFormat;

/**
 * The {@code --format} option of {@code eval} and {@code compare}: what a report printed on standard output may
 * be. JUnit XML and the HTML page are files of their own ({@code --html}; the Maven plugin writes the JUnit
 * file), so neither is accepted here.
 */
final class FormatOption {

    private FormatOption() {
    }

    /**
     * The format named by {@code text}: {@code text}, {@code json} or {@code markdown}, in any case.
     *
     * @throws IllegalArgumentException for anything else, naming the option and the value (exit code 2)
     */
    static ReportFormat parse(String text) {
        ReportFormat f;
        try {
            f = ReportFormat.parse(text);
        } catch (IllegalArgumentException e) {
            f = null;
        }
        if (f == null || f == ReportFormat.JUNIT || f == ReportFormat.HTML) {
            throw new IllegalArgumentException("--format " + text + ": expected text, json or markdown");
        }
        return f;
    }
}
