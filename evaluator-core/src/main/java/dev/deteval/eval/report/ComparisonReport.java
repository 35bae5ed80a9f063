package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.BootstrapSettings;
import dev.deteval.eval.coco.Comparison;
import dev.deteval.eval.coco.MetricDifference;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A paired comparison of candidate and baseline detections in text, Markdown (for a pull-request comment)
 * and JSON. JSON shape:
 *
 * <pre>{@code
 * {"level":0.95,"resamples":1000,"seed":1,
 *  "metrics":{"AP":{"candidate":…,"baseline":…,"difference":…,"low":…,"high":…,"p":…},…}}
 * }</pre>
 *
 * where {@code difference} is candidate minus baseline, {@code low}/{@code high} the paired-bootstrap
 * percentile interval of the difference at {@code level}, and {@code p} the two-sided bootstrap p-value
 * of "no difference".
 */
public final class ComparisonReport {

    private ComparisonReport() {
    }

    /** The text table. */
    public static String text(Comparison c) {
        StringBuilder out = new StringBuilder("\n").append(heading(c.settings())).append('\n');
        String level = c.settings().percent() + " CI";
        out.append(String.format(" %-6s %9s %9s %10s  %-20s %7s%n", "metric", "candidate", "baseline", "difference",
                level, "p").replace(System.lineSeparator(), "\n"));
        for (MetricDifference m : c.metrics()) {
            out.append(String.format(" %-6s %9s %9s %10s  %-20s %7s%n", m.metric(), Decimals.fixed(m.candidate(), 4),
                    Decimals.fixed(m.baseline(), 4), signed(m.difference()),
                    "[" + signed(m.low()) + ", " + signed(m.high()) + "]", Decimals.fixed(m.p(), 3))
                    .replace(System.lineSeparator(), "\n"));
        }
        return out.toString();
    }

    /** The Markdown section, suitable as a pull-request comment. */
    public static String markdown(Comparison c) {
        StringBuilder out = new StringBuilder("\n## Comparison with the baseline\n\n").append(heading(c.settings()))
                .append("\n\n");
        String level = c.settings().percent();
        out.append("| metric | candidate | baseline | difference | ").append(level).append(" CI | p |\n")
                .append("|---|---:|---:|---:|---|---:|\n");
        for (MetricDifference m : c.metrics()) {
            out.append("| ").append(m.metric()).append(" | ").append(Decimals.fixed(m.candidate(), 4)).append(" | ")
                    .append(Decimals.fixed(m.baseline(), 4)).append(" | ").append(signed(m.difference()))
                    .append(" | ").append(signed(m.low())).append(" to ").append(signed(m.high())).append(" | ")
                    .append(Decimals.fixed(m.p(), 3)).append(" |\n");
        }
        return out.toString();
    }

    /** The whole comparison as a JSON document ({@code deteval compare --format json}). */
    public static String json(Comparison c, int images) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("tool", "deteval");
            g.writeStringField("report", "comparison");
            g.writeNumberField("images", images);
            writeMembers(c, g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** Writes the comparison as an object (the evaluation report's member {@code comparison}). */
    static void writeObject(Comparison c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        writeMembers(c, g);
        g.writeEndObject();
    }

    private static void writeMembers(Comparison c, JsonGenerator g) throws IOException {
        g.writeNumberField("level", c.settings().level());
        g.writeNumberField("resamples", c.settings().resamples());
        g.writeNumberField("seed", c.settings().seed());
        g.writeObjectFieldStart("metrics");
        for (MetricDifference m : c.metrics()) {
            g.writeObjectFieldStart(m.metric());
            g.writeNumberField("candidate", m.candidate());
            g.writeNumberField("baseline", m.baseline());
            g.writeNumberField("difference", m.difference());
            g.writeNumberField("low", m.low());
            g.writeNumberField("high", m.high());
            g.writeNumberField("p", m.p());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static String heading(BootstrapSettings s) {
        return "Paired comparison, candidate minus baseline (paired bootstrap over the images: " + s.resamples()
                + " resamples, seed " + s.seed() + "; " + s.percent() + " percentile interval; p: two-sided"
                + " bootstrap p-value of no difference):";
    }

    /** A difference with its sign: {@code +0.0123}, {@code -0.0040}, {@code 0.0000}. */
    private static String signed(double v) {
        String s = Decimals.fixed(v, 4);
        return v > 0 && !s.equals("0.0000") ? "+" + s : s;
    }
}
