package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers written with repeats turned into text once read exactly as Jackson's own numbers. */
final class RepeatedNumbersTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    @Test
    void writeArray_repeatsZerosAndSpecialValues_sameBytesAsJackson() throws IOException {
        double[] special = {0.0, -0.0, 0.0, 1e-7, 1e-7, 0.1 + 0.2, 1e23, Double.NaN, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -1, -1, Double.MAX_VALUE};
        assertSame(special);
        Random r = new Random(1);
        for (int round = 0; round < 200; round++) {
            double[] values = new double[r.nextInt(300)];
            for (int i = 0; i < values.length; i++) {
                // runs of equal values, as in a precision curve, and values that need 17 digits
                values[i] = i > 0 && r.nextInt(3) > 0 ? values[i - 1] : r.nextInt(5) == 0 ? r.nextInt(3) - 1
                        : r.nextDouble();
            }
            assertSame(values);
        }
    }

    @Test
    void write_sameValueOnEveryLine_sameBytesAsJackson() throws IOException {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (JsonGenerator a = FACTORY.createGenerator(ours, JsonEncoding.UTF8);
                JsonGenerator b = FACTORY.createGenerator(theirs, JsonEncoding.UTF8)) {
            RepeatedNumbers iou = new RepeatedNumbers();
            for (double v : new double[] {0.5, 0.5, 0.25, 0.25, 0.5}) {
                a.writeStartObject();
                a.writeFieldName("iou");
                iou.write(a, v);
                a.writeEndObject();
                b.writeStartObject();
                b.writeNumberField("iou", v);
                b.writeEndObject();
            }
        }
        assertThat(ours.toString("UTF-8")).isEqualTo(theirs.toString("UTF-8")).contains("0.25");
    }

    /** Both of Jackson's generators (bytes and characters) give the same text for ours and theirs. */
    private static void assertSame(double[] values) throws IOException {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (JsonGenerator a = FACTORY.createGenerator(ours, JsonEncoding.UTF8);
                JsonGenerator b = FACTORY.createGenerator(theirs, JsonEncoding.UTF8)) {
            RepeatedNumbers.writeArray(a, values);
            b.writeArray(values, 0, values.length);
        }
        assertThat(ours.toString("UTF-8")).isEqualTo(theirs.toString("UTF-8"));
        StringWriter oursText = new StringWriter();
        StringWriter theirsText = new StringWriter();
        try (JsonGenerator a = FACTORY.createGenerator(oursText);
                JsonGenerator b = FACTORY.createGenerator(theirsText)) {
            RepeatedNumbers.writeArray(a, values);
            b.writeArray(values, 0, values.length);
        }
        assertThat(oursText.toString()).isEqualTo(theirsText.toString());
    }
}
