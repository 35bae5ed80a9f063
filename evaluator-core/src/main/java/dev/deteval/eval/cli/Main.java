package dev.deteval.eval.cli;

import dev.deteval.eval.data.Names;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.io.OutputException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The standalone command line, {@code java -jar deteval.jar <command> …}. Exit codes: 0 evaluated and
 * every rule holds; 1 a rule is violated; 2 anything else that stops a run: bad usage, bad input, an
 * output that cannot be written, not enough memory, or a bug. Each comes with one line on standard error;
 * the stack trace only with {@code --verbose}. Exit code 1 means a violated rule and nothing else, so a
 * build gate can trust it.
 */
@Command(name = "deteval", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Evaluates object detections exactly like pycocotools and the Pascal VOC devkit.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated; every rule holds", "1:a rule is violated",
            "2:bad usage, bad input, output not written, out of memory or an internal error"})
public final class Main {

    /** A rule is violated. */
    public static final int EXIT_RULE_VIOLATED = 1;
    /** Anything else that stops a run: bad usage or input, unwritable output, out of memory, a bug. */
    public static final int EXIT_BAD_INPUT = 2;

    /** The line printed when memory ran out again while the first failure was being reported. */
    static final String OUT_OF_MEMORY_AGAIN = "deteval: error: out of memory; give Java more, e.g. java -Xmx2g -jar"
            + " deteval.jar … (docs/cli.md: memory per million detections)";

    /** Released when a run fails, so that the message can be written even when the heap is full. */
    @SuppressWarnings("unused")
    private static volatile byte[] reserve = new byte[1 << 20];

    /** The line printed when the standard output failed (a closed pipe, a full disk, /dev/full). */
    static final String STDOUT_FAILED = "deteval: error: standard output: cannot be written (closed pipe or full"
            + " disk?); the report is incomplete";

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(Main::otherThreadFailed);
        ShortRunCompiler.startFor(args);
        // the inputs themselves while picocli starts; the warm-up only where they cannot be read yet
        if (!EarlyRead.startFor(args)) {
            JitWarmup.startFor(args);
        }
        // straight onto the file descriptors: System.out would swallow a write error before we could see it
        PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code;
        try {
            code = run(args, out, err);
        } catch (RuntimeException | Error e) {
            // run reports what it can; only memory running out again while it reported gets here
            reserve = null;
            code = EXIT_BAD_INPUT;
            try {
                err.println(OUT_OF_MEMORY_AGAIN);
            } catch (RuntimeException | Error again) {
                Runtime.getRuntime().halt(code); // not even a line fits: still exit 2, never 1
            }
        }
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams and returns the exit code (used by tests). A write error
     * on {@code out} (as {@link PrintWriter#checkError()} reports it) turns any outcome into exit code 2.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        int code;
        try {
            code = execute(args, out, err);
        } catch (RuntimeException | Error e) {
            // the reserve makes room to write the message when memory ran out (a read ahead may still hold
            // the rest of the heap)
            reserve = null;
            code = failed(err, verbose, e, message(e));
        }
        if (out.checkError()) {
            err.println(STDOUT_FAILED);
            code = EXIT_BAD_INPUT;
        }
        err.flush();
        return code;
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        addSubcommands(cli, args.length > 0 ? args[0] : "");
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> usageError(ex, err));
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            // --verbose belongs to the subcommand: look in the parse result of the command that failed
            boolean verbose = cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--verbose");
            return failed(err, verbose, ex, message(ex));
        });
        int code = cli.execute(args);
        out.flush();
        return code;
    }

    /**
     * A usage error: one line saying what is wrong and one naming the help, instead of the whole usage
     * text (exit code 2).
     */
    static int usageError(CommandLine.ParameterException ex, PrintWriter err) {
        err.println(Names.visible("deteval: error: " + ex.getMessage()));
        String command = ex.getCommandLine().getCommandSpec().qualifiedName(" ");
        err.println("Try '" + command + " --help' for the options.");
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /** The one line for an exception a command threw. */
    static String message(Throwable ex) {
        if (ex instanceof InputException || ex instanceof OutputException || ex instanceof IllegalArgumentException) {
            return "deteval: error: " + ex.getMessage();
        }
        OutOfMemoryError oom = outOfMemoryIn(ex);
        if (oom != null) {
            return outOfMemory(oom);
        }
        return internal(ex);
    }

    /**
     * The out-of-memory error behind {@code ex}: itself, one of its causes, or one that ended another thread
     * of this run (a parallel task whose pool then failed in other ways, such as a class that could not be
     * initialised without memory).
     */
    private static OutOfMemoryError outOfMemoryIn(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return oom;
            }
            if (failedJdkClassInit(t)) {
                // the heap ran out while a JDK class (e.g. a fork/join helper) ran its static initialiser in
                // some pool thread; every later use of the class reports only "Could not initialize class"
                return new OutOfMemoryError("while the JDK initialised " + t.getMessage().substring(
                        "Could not initialize class ".length()));
            }
        }
        return otherThreadOutOfMemory;
    }

    /** A JDK class whose static initialisation failed earlier in this run: in this program, memory ran out. */
    private static boolean failedJdkClassInit(Throwable t) {
        String m = t.getMessage();
        return t instanceof NoClassDefFoundError && m != null && (m.startsWith("Could not initialize class java.")
                || m.startsWith("Could not initialize class jdk.") || m.startsWith("Could not initialize class sun."));
    }

    /** Set when another thread died of out-of-memory; the main thread then reports it. */
    private static volatile OutOfMemoryError otherThreadOutOfMemory;

    /**
     * What ends a thread other than the main one: out of memory is remembered for the main thread's one
     * line; anything else is printed as the JVM would, since it is a bug.
     */
    private static void otherThreadFailed(Thread thread, Throwable e) {
        if (e instanceof OutOfMemoryError oom) {
            otherThreadOutOfMemory = oom;
        } else {
            System.err.println("deteval: internal error in thread " + thread.getName() + ": " + e);
        }
    }

    /** What to do when the heap is too small: the current limit and the option that raises it. */
    static String outOfMemory(OutOfMemoryError e) {
        long mib = Runtime.getRuntime().maxMemory() >> 20;
        String what = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        return "deteval: error: out of memory" + what + " with a maximum heap of " + mib + " MiB;"
                + " give Java more, e.g. java -Xmx" + Math.max(2, 2 * mib / 1024 + 1) + "g -jar deteval.jar …"
                + " (docs/cli.md: memory per million detections)";
    }

    private static String internal(Throwable e) {
        return "deteval: error: internal error, a bug in deteval (" + e + "); please report it with the output"
                + " of --verbose";
    }

    private static int failed(PrintWriter err, boolean verbose, Throwable e, String line) {
        err.println(Names.visible(line));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_BAD_INPUT;
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
            case "compare" -> cli.addSubcommand(new CompareCommand());
            case "nms" -> cli.addSubcommand(new NmsCommand());
            case "synth" -> cli.addSubcommand(new SynthCommand());
            case "convert" -> cli.addSubcommand(new ConvertCommand());
            default -> {
                cli.addSubcommand(new EvalCommand());
                cli.addSubcommand(new CompareCommand());
                cli.addSubcommand(new NmsCommand());
                cli.addSubcommand(new SynthCommand());
                cli.addSubcommand(new ConvertCommand());
                cli.addSubcommand(new CommandLine.HelpCommand());
            }
        }
    }
}
