package dev.deteval.eval.cli;

import dev.deteval.eval.io.InputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The standalone command line, {@code java -jar deteval.jar <command> …}. Exit codes: 0 evaluated and
 * every rule holds; 1 a rule is violated; 2 bad usage or bad input (message on standard error); 3 an
 * internal error (a bug: please report it with the {@code --verbose} stack trace).
 */
@Command(name = "deteval", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Evaluates object detections exactly like pycocotools and the Pascal VOC devkit.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated; every rule holds", "1:a rule is violated", "2:bad usage or bad input",
            "3:internal error"})
public final class Main {

    /** A rule is violated. */
    public static final int EXIT_RULE_VIOLATED = 1;
    /** Bad usage or bad input. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A bug in deteval. */
    public static final int EXIT_INTERNAL = 3;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        JitWarmup.startFor(args);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        addSubcommands(cli, args.length > 0 ? args[0] : "");
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            // --verbose belongs to the subcommand: look in the parse result of the command that failed
            boolean verbose = cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--verbose");
            if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
                err.println("deteval: error: " + ex.getMessage());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                return EXIT_BAD_INPUT;
            }
            err.println("deteval: internal error: " + ex);
            ex.printStackTrace(err);
            return EXIT_INTERNAL;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Registers the subcommands. picocli builds a command's model from its annotations when it is added,
     * which costs start-up time for every command; when the first argument names a command, only that one
     * is built (usage errors and help then concern that command alone). Otherwise, for {@code help}, the
     * top-level usage or an unknown name, all are.
     */
    static void addSubcommands(CommandLine cli, String first) {
        switch (first) {
            case "eval" -> cli.addSubcommand(new EvalCommand());
            case "nms" -> cli.addSubcommand(new NmsCommand());
            case "synth" -> cli.addSubcommand(new SynthCommand());
            default -> {
                cli.addSubcommand(new EvalCommand());
                cli.addSubcommand(new NmsCommand());
                cli.addSubcommand(new SynthCommand());
                cli.addSubcommand(new CommandLine.HelpCommand());
            }
        }
    }
}
