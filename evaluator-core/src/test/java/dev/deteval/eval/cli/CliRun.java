package dev.deteval.eval.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line ({@link Main#run}) as the CLI tests see it.
 *
 * @param code the exit code
 * @param out what was written to standard output
 * @param err what was written to standard error
 */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} and keeps both streams. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
