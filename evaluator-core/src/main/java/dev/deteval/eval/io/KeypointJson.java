package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonToken;
import java.util.Arrays;

/**
 * Reads {@code keypoints} arrays ({@code [x, y, v]} triples) into one reusable buffer, so that a file of
 * many people costs no array and no message text per person or per number: the path of an element is
 * only built when it is wrong. One instance serves one parser, one object at a time.
 */
final class KeypointJson {

    private double[] buffer = new double[3 * 17];

    /** The values read by the last {@link #read}: its first {@code n} entries (valid until the next read). */
    double[] values() {
        return buffer;
    }

    /**
     * Reads the array at the cursor (the member {@code field} of element {@code index} of {@code base}).
     *
     * @return the number of values read, a multiple of 3
     * @throws InputException when it is not an array of finite numbers whose length is a multiple of 3
     */
    int read(JsonCursor c, String base, int index, String field) {
        if (c.current() != JsonToken.START_ARRAY) {
            c.expect(JsonToken.START_ARRAY, JsonCursor.join(base, index, field), "an array of numbers");
        }
        int n = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            if (n == buffer.length) {
                buffer = Arrays.copyOf(buffer, 2 * n);
            }
            buffer[n] = number(c, base, index, field, n);
            n++;
        }
        if (n % 3 != 0) {
            throw c.error(JsonCursor.join(base, index, field), "keypoints must be [x, y, v] triples, got " + n
                    + " numbers (not a multiple of 3)");
        }
        return n;
    }

    private static double number(JsonCursor c, String base, int index, String field, int n) {
        JsonToken t = c.current();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = c.number();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        return c.readFinite(JsonCursor.join(base, index, field) + "[" + n + "]"); // throws, naming the element
    }
}
