package dev.deteval.eval.cli;

import dev.deteval.eval.coco.EvaluationProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether {@code eval} shows a progress bar on standard error, and which. A bar is shown only to a person
 * watching a terminal, and only when the run is long enough to want one:
 * <ul>
 *   <li>the JVM has a console ({@link System#console()} is not null: standard input and output are a
 *       terminal, so neither is redirected to a file or a pipe);</li>
 *   <li>the environment is not CI ({@code CI} unset, as GitHub Actions, GitLab CI and most others set it)
 *       and {@code TERM} is not {@code dumb};</li>
 *   <li>the inputs (ground truth and detections, regular files) add up to at least {@link #MIN_BYTES}.</li>
 * </ul>
 * Otherwise nothing is written: CI logs and redirected output stay free of bar redraws.
 */
final class ProgressDisplay {

    /** Inputs smaller than this evaluate in about a second or less: no bar. */
    static final long MIN_BYTES = 32L << 20;

    private ProgressDisplay() {
    }

    /**
     * The decision, apart from the machine it runs on.
     *
     * @param console whether the JVM has a console
     * @param env the environment variables
     * @param inputBytes the size of the inputs (0 when unknown)
     */
    static boolean wanted(boolean console, Map<String, String> env, long inputBytes) {
        if (!console || env.containsKey("CI") || "dumb".equals(env.get("TERM"))) {
            return false;
        }
        return inputBytes >= MIN_BYTES;
    }

    /** A terminal bar on standard error when {@link #wanted} says so for this JVM, else {@link EvaluationProgress#NONE}. */
    static EvaluationProgress forInputs(Path... inputs) {
        long bytes = 0;
        for (Path p : inputs) {
            bytes += size(p);
        }
        return wanted(System.console() != null, System.getenv(), bytes) ? new TerminalProgressBar(System.err, 0)
                : EvaluationProgress.NONE;
    }

    private static long size(Path p) {
        try {
            return p != null && Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0; // the reader reports an unreadable file
        }
    }
}
