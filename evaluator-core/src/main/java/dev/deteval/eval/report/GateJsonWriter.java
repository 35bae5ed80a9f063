package dev.deteval.eval.report;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.Element;
import dev.deteval.eval.check.Limit;
import dev.deteval.eval.check.Outcome;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;

/**
 * Writes a gate run as the {@code "gate"} member of deteval's JSON report:
 *
 * <pre>{@code
 * "gate": {
 *   "passed": false,
 *   "limitsChecked": 3, "passedCount": 1, "violatedCount": 1, "missingCount": 1, "ignoredCount": 0,
 *   "outcomes": [
 *     {"rule": 1, "element": "category", "name": "person", "metric": "AP", "limit": "minimum",
 *      "bound": 0.450, "actual": 0.41234, "baseline": null, "shown": "0.412", "status": "violated",
 *      "message": "Rule violated for category person: AP is 0.412, but expected minimum is 0.450"},
 *     …
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code element} is {@code dataset} or {@code category}; {@code name} the category name (the pattern
 * for an include that matched nothing, empty for the dataset); {@code limit} is {@code minimum},
 * {@code maximum} or {@code maximumDrop}; {@code bound} the limit with the scale the user wrote;
 * {@code significance} (only on a drop limit that has one) the level the paired comparison's p-value must
 * fall below for the drop to count, the message then giving the drop's interval and p-value;
 * {@code actual} the full-precision value (-1 when it cannot be computed, null when there is none);
 * {@code baseline} the baseline value for a {@code maximumDrop} limit, else null; {@code shown} the
 * compared value as printed (for a drop: baseline minus actual), empty when missing; {@code status} is
 * {@code passed}, {@code violated}, {@code missing} or {@code ignored}. A report holding this member
 * stays readable as a baseline: readers skip it.
 */
public final class GateJsonWriter {

    /** The name of the report member. */
    public static final String MEMBER = "gate";

    private GateJsonWriter() {
    }

    /** Writes {@code "gate": {…}} into the object {@code g} is currently writing. */
    static void writeMember(JsonGenerator g, CheckResult result) throws IOException {
        g.writeFieldName(MEMBER);
        writeObject(g, result);
    }

    /** Writes the gate object as a value. */
    static void writeObject(JsonGenerator g, CheckResult result) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("passed", result.passed());
        g.writeNumberField("limitsChecked", result.outcomes().size());
        g.writeNumberField("passedCount", result.count(Outcome.Status.PASSED));
        g.writeNumberField("violatedCount", result.count(Outcome.Status.VIOLATED));
        g.writeNumberField("missingCount", result.count(Outcome.Status.MISSING));
        g.writeNumberField("ignoredCount", result.count(Outcome.Status.IGNORED));
        g.writeArrayFieldStart("outcomes");
        for (Outcome o : result.outcomes()) {
            writeOutcome(g, o);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeOutcome(JsonGenerator g, Outcome o) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rule", o.rule());
        g.writeStringField("element", o.element().word());
        g.writeStringField("name", o.name());
        g.writeStringField("metric", o.metric());
        g.writeStringField("limit", limitName(o.limit().kind()));
        g.writeNumberField("bound", o.limit().value());
        if (o.limit().significance() != null) {
            g.writeNumberField("significance", o.limit().significance());
        }
        writeValue(g, "actual", o.actual());
        writeValue(g, "baseline", o.baseline());
        g.writeStringField("shown", o.shown());
        g.writeStringField("status", o.status().name().toLowerCase(Locale.ROOT));
        g.writeStringField("message", o.message());
        g.writeEndObject();
    }

    /** The configuration name of a limit kind: {@code minimum}, {@code maximum}, {@code maximumDrop}. */
    public static String limitName(Limit.Kind kind) {
        return switch (kind) {
            case MINIMUM -> "minimum";
            case MAXIMUM -> "maximum";
            case MAXIMUM_DROP -> "maximumDrop";
        };
    }

    private static void writeValue(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isNaN(value)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
