package dev.deteval.eval.io;

/**
 * Input that cannot be evaluated: a missing or unreadable file, malformed JSON or XML, a missing or
 * ill-typed field, an impossible value. The message names the file, the place in it (JSON path with
 * line and column, XML file, or line of a text file) and the problem, e.g.
 * {@code gt.json: annotations[3].bbox (line 12, column 40): expected 4 numbers, got 3}.
 */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    /**
     * @param source the file (or other source) name
     * @param location where in the source, or empty
     * @param problem what is wrong
     * @param cause the underlying exception, or null
     */
    public InputException(String source, String location, String problem, Throwable cause) {
        super(source + (location.isEmpty() ? "" : ": " + location) + ": " + problem, cause);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    /** Without a cause. */
    public InputException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    /** The file or source name. */
    public String source() {
        return source;
    }

    /** The place within the source (JSON path and line/column, line number, …), possibly empty. */
    public String location() {
        return location;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }
}
