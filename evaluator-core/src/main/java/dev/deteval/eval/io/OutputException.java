package dev.deteval.eval.io;

/**
 * A file that cannot be written: a missing or unwritable folder, a target that is not a regular file, a
 * full disk, a closed output stream. The message names the file and the reason, e.g.
 * {@code out/report.json: cannot be written: No space left on device}. The file that was there before, if
 * any, is left as it was.
 */
public final class OutputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final String problem;

    /**
     * @param target the file (or stream) that was being written
     * @param problem what went wrong, as a phrase
     * @param cause the underlying exception, or null
     */
    public OutputException(String target, String problem, Throwable cause) {
        super(target + ": " + problem, cause);
        this.target = target;
        this.problem = problem;
    }

    /** The file or stream that was being written. */
    public String target() {
        return target;
    }

    /** What went wrong. */
    public String problem() {
        return problem;
    }
}
