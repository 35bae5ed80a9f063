package dev.deteval.eval.check;

import java.util.List;

/**
 * All outcomes of a gate run, in rule order; within a CATEGORY rule, category by category in report
 * order, then the include patterns that matched nothing.
 *
 * @param outcomes one per limit and element checked
 */
public record CheckResult(List<Outcome> outcomes) {

    /** Copies the list. */
    public CheckResult {
        outcomes = List.copyOf(outcomes);
    }

    /** Whether no outcome failed the gate. */
    public boolean passed() {
        return outcomes.stream().noneMatch(Outcome::failed);
    }

    /** The outcomes that fail the gate (violated or missing), in order. */
    public List<Outcome> violations() {
        return outcomes.stream().filter(Outcome::failed).toList();
    }

    /**
     * The message of a failed gate: {@link CheckMessages#RULES_VIOLATED}, then each violation on a line of
     * its own (each line once), so that a build failure or exit message carries the reasons itself.
     */
    public String failureMessage() {
        StringBuilder out = new StringBuilder(CheckMessages.RULES_VIOLATED);
        violations().stream().map(Outcome::message).distinct().forEach(m -> out.append('\n').append(m));
        return out.toString();
    }

    /** How many outcomes have {@code status}. */
    public long count(Outcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
