package dev.deteval.eval.check;

import dev.deteval.eval.data.Names;
import java.util.Objects;

/**
 * The result of checking one limit on one element.
 *
 * @param rule the 1-based position of the rule among the checker's rules
 * @param element what was checked
 * @param name the category name ({@code id <id>} when it has none) or, for an include pattern that
 *     matched nothing, the pattern; empty for the dataset
 * @param limit the limit
 * @param actual the metric's current value: -1 when the evaluation could not compute it, NaN when
 *     there is no value at all (no category matches)
 * @param baseline for a drop limit the baseline's value (-1 or NaN when it has none); NaN otherwise
 * @param status passed, violated, missing or ignored
 * @param shown the value compared with the limit (the metric, or for a drop limit baseline minus
 *     current) as printed, rounded against the user at the limit's scale; empty when missing
 * @param message the full line, one of the {@link CheckMessages} formats
 */
public record Outcome(int rule, Element element, String name, Limit limit, double actual, double baseline,
        Status status, String shown, String message) {

    /** Whether a limit held. */
    public enum Status {
        /** The limit holds. */
        PASSED,
        /** The value breaks the limit. */
        VIOLATED,
        /** The value cannot be computed and the rule fails on that ({@link OnMissing#FAIL}). */
        MISSING,
        /** The value cannot be computed and the rule ignores that ({@link OnMissing#IGNORE}). */
        IGNORED
    }

    /** Checks that nothing is null. */
    public Outcome {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(message, "message");
    }

    /** The metric name (the limit's). */
    public String metric() {
        return limit.metric();
    }

    /** Whether this outcome fails the gate: {@link Status#VIOLATED} or {@link Status#MISSING}. */
    public boolean failed() {
        return status == Status.VIOLATED || status == Status.MISSING;
    }

    /** How messages name the element: {@code dataset} or {@code category <name>}. */
    public String elementLabel() {
        return label(element, name);
    }

    static String label(Element element, String name) {
        return element == Element.DATASET ? "dataset" : "category " + Names.cell(name);
    }
}
