package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes doubles to a JSON generator exactly as {@link JsonGenerator#writeNumber(double)} does with the default
 * features (the JDK's {@link Double#toString(double)}), but turns a value that repeats the one before into text
 * only once. The JDK's conversion is most of what writing a number costs, and the reports repeat values: a
 * precision curve is a step function, and every line of the per-image file has the same thresholds. Values that
 * are not finite are left to the generator (it may quote them).
 */
final class RepeatedNumbers {

    private long bits;
    private String text;

    /** Writes {@code v} as the next value. */
    void write(JsonGenerator g, double v) throws IOException {
        if (!Double.isFinite(v)) {
            g.writeNumber(v);
            return;
        }
        long b = Double.doubleToRawLongBits(v);
        if (text == null || b != bits) {
            text = Double.toString(v);
            bits = b;
        }
        g.writeNumber(text);
    }

    /** Writes {@code values} as an array, as {@link JsonGenerator#writeArray(double[], int, int)} does. */
    static void writeArray(JsonGenerator g, double[] values) throws IOException {
        RepeatedNumbers numbers = new RepeatedNumbers();
        g.writeStartArray(values, values.length);
        for (double v : values) {
            numbers.write(g, v);
        }
        g.writeEndArray();
    }
}
