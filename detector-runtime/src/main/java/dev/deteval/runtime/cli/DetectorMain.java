package dev.deteval.runtime.cli;

import dev.deteval.eval.io.InputException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The detector's command line, {@code java -jar deteval-detector.jar <command> …}, with evaluator-core's
 * exit codes: 0 done; 2 bad usage or bad input (one line on standard error; the stack trace only with
 * {@code --verbose}); 3 an internal error (a bug). (1, a broken rule, belongs to the evaluator's gate.)
 */
@Command(name = "deteval-detector", mixinStandardHelpOptions = true,
        description = "Trains and runs deteval's small shapes detector (DJL, PyTorch CPU, offline).",
        subcommands = {TrainCommand.class, DetectCommand.class, DataCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad usage, bad input or environment (incl. out of memory), or an internal error"})
public final class DetectorMain {

    /**
     * Bad usage, bad input, the environment (out of memory, a file that cannot be written) or a bug: the same
     * code as evaluator-core's command line, which keeps 1 for a violated rule and uses no other codes.
     */
    public static final int EXIT_BAD_INPUT = 2;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        EngineSettings.applyDefaults();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new DetectorMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            boolean verbose = cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--verbose");
            if (ex instanceof InputException || ex instanceof IllegalArgumentException
                    || ex instanceof UncheckedIOException) {
                err.println("deteval-detector: error: " + ex.getMessage());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                return EXIT_BAD_INPUT;
            }
            err.println("deteval-detector: internal error: " + ex
                    + (verbose ? "" : " (run again with --verbose for the stack trace, and please report it)"));
            if (verbose) {
                ex.printStackTrace(err);
            }
            return EXIT_BAD_INPUT;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("deteval-detector: error: out of memory (maximum heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB); run java with a larger -Xmx");
            err.flush();
            return EXIT_BAD_INPUT;
        }
        out.flush();
        err.flush();
        if (out.checkError()) {
            err.println("deteval-detector: error: standard output could not be written");
            err.flush();
            return EXIT_BAD_INPUT;
        }
        return code;
    }
}
