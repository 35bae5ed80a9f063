package dev.deteval.eval.check;

/**
 * What a rule does with a limit whose metric cannot be computed: the evaluation gave -1 (no ground
 * truth for the category, parameters that lack what the metric needs), no category matches an include
 * pattern, or the baseline has no value to compare with.
 */
public enum OnMissing {
    /** The limit is violated (the default: the gate fails closed). */
    FAIL,
    /** The limit is reported as ignored and does not fail the gate. */
    IGNORE;

    /**
     * Parses {@code FAIL} or {@code IGNORE}, in any case.
     *
     * @throws InvalidRuleException for anything else
     */
    public static OnMissing parse(String text) {
        String t = text == null ? "" : text.trim();
        for (OnMissing m : values()) {
            if (m.name().equalsIgnoreCase(t)) {
                return m;
            }
        }
        throw new InvalidRuleException("unknown onMissing value '" + text + "': expected FAIL or IGNORE");
    }
}
