package dev.deteval.eval.check;

/**
 * A gate configuration that cannot be checked: a malformed rule string, a limit value that is not a
 * ratio in [0, 1], an unknown metric, a metric the evaluated protocol does not report, a drop limit
 * without a baseline, a baseline of another protocol. Front-ends report it as a usage or configuration
 * error (CLI exit code 2, Maven BUILD ERROR), never as a violated rule.
 */
public final class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and, where it helps, what would be accepted */
    public InvalidRuleException(String message) {
        super(message);
    }
}
