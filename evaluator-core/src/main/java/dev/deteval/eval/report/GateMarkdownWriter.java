package dev.deteval.eval.report;

import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.Element;
import dev.deteval.eval.check.Limit;
import dev.deteval.eval.check.Outcome;

import dev.deteval.eval.data.Names;
import java.io.IOException;
import java.util.Locale;

/**
 * Writes a gate run as a Markdown section: a heading with the verdict, then a table with one row per
 * outcome (result, element, limit, value). Values are the ones the messages print, rounded against the
 * user; a value that cannot be computed shows the reason instead.
 */
public final class GateMarkdownWriter {

    private GateMarkdownWriter() {
    }

    /** Appends the section, starting with a level-2 heading, to {@code out}. */
    public static void write(Appendable out, CheckResult result) throws IOException {
        out.append("## Metric gate: ").append(result.passed() ? "passed" : "FAILED").append("\n\n");
        out.append(String.format(Locale.ROOT, "%d limits checked: %d passed, %d violated, %d missing, %d ignored.%n%n",
                result.outcomes().size(), result.count(Outcome.Status.PASSED), result.count(Outcome.Status.VIOLATED),
                result.count(Outcome.Status.MISSING), result.count(Outcome.Status.IGNORED)));
        if (result.outcomes().isEmpty()) {
            return;
        }
        out.append("| Result | Element | Limit | Value |\n");
        out.append("|---|---|---|---|\n");
        for (Outcome o : result.outcomes()) {
            out.append("| ").append(result(o.status()))
                    .append(" | ").append(cell(o.elementLabel()))
                    .append(" | ").append(cell(limit(o.limit())))
                    .append(" | ").append(cell(value(o)))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static String result(Outcome.Status status) {
        return switch (status) {
            case PASSED -> "passed";
            case VIOLATED -> "**violated**";
            case MISSING -> "**missing**";
            case IGNORED -> "ignored";
        };
    }

    private static String limit(Limit limit) {
        String bound = limit.value().toPlainString();
        return switch (limit.kind()) {
            case MINIMUM -> limit.metric() + " ≥ " + bound;
            case MAXIMUM -> limit.metric() + " ≤ " + bound;
            case MAXIMUM_DROP -> limit.metric() + " drop ≤ " + bound
                    + (limit.significance() == null ? "" : " if significant at " + limit.significance().toPlainString());
        };
    }

    private static String value(Outcome o) {
        if (o.shown().isEmpty()) {
            int at = o.message().indexOf(" cannot be computed: ");
            return at < 0 ? "cannot be computed" : o.message().substring(at + 1);
        }
        if (o.limit().kind() == Limit.Kind.MAXIMUM_DROP) {
            return "drop " + o.shown() + interval(o.message(), "a drop of " + o.shown() + " (");
        }
        return o.shown() + interval(o.message(), " is " + o.shown() + " (");
    }

    /**
     * The confidence interval (and p-value) the message prints right after {@code before}, as
     * {@code " (95% CI 0.398–0.426)"}; empty when the message has none there.
     */
    private static String interval(String message, String before) {
        int at = message.indexOf(before);
        if (at < 0) {
            return "";
        }
        int open = at + before.length() - 1;
        int close = message.indexOf(')', open);
        String inside = close < 0 ? "" : message.substring(open, close + 1);
        return inside.contains(" CI ") ? " " + inside : "";
    }

    private static String cell(String text) {
        return Names.markdown(text);
    }
}
