package dev.deteval.eval.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The options of a command line read from its raw arguments, before picocli has built its model: what the
 * threads that start first ({@link ShortRunCompiler}, {@link EarlyRead}) look at. A guess only: picocli
 * still parses the arguments and reports whatever is wrong with them.
 */
final class RawOptions {

    /** An option as written: {@code --name=value}, or {@code --name value} for a name that takes one. */
    record Option(String name, String value) {
    }

    private RawOptions() {
    }

    /**
     * The options after the command ({@code args[0]}), in order. A name in {@code valued} written without
     * {@code =} takes the next argument as its value (null when there is none); any other argument is an
     * option of its own, with a value only when written with {@code =}.
     */
    static List<Option> of(String[] args, Set<String> valued) {
        List<Option> options = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.add(new Option(arg.substring(0, eq), arg.substring(eq + 1)));
            } else if (valued.contains(arg)) {
                options.add(new Option(arg, i + 1 < args.length ? args[++i] : null));
            } else {
                options.add(new Option(arg, null));
            }
        }
        return options;
    }
}
