package dev.deteval.samples.learning;

import java.io.PrintStream;

/**
 * A one-line progress bar on standard error, drawn only on an interactive terminal: it stays silent
 * when {@link System#console()} is null (tests, pipes) or the environment variable {@code CI} is set.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final String label;
    private final int total;
    private final PrintStream out;
    private int lastDrawn = -1;

    private Progress(String label, int total, PrintStream out) {
        this.label = label;
        this.total = total;
        this.out = out;
    }

    /** A bar for {@code total} steps, or a silent one when not on a terminal or in CI. */
    static Progress of(String label, int total) {
        boolean interactive = System.console() != null && System.getenv("CI") == null;
        return new Progress(label, total, interactive ? System.err : null);
    }

    /** Reports that {@code done} of the steps are finished; redraws when the bar grows. */
    void update(int done) {
        if (out == null) {
            return;
        }
        int filled = (int) ((long) done * WIDTH / total);
        if (filled == lastDrawn && done != total) {
            return;
        }
        lastDrawn = filled;
        out.printf("\r%s [%s%s] %d/%d", label, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
