package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;

/** What the VOC JSON readers share: the parser factory and reading a box given by its corners. */
final class VocJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private VocJson() {
    }

    /** A cursor over {@code in}; the caller closes the returned cursor's parser. */
    static JsonCursor open(InputStream in, String source) {
        try {
            JsonParser parser = FACTORY.createParser(in);
            return new JsonCursor(parser, source);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    static void close(JsonCursor c) {
        try {
            c.parser.close();
        } catch (IOException e) {
            throw new InputException(c.source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an array of exactly four finite numbers {@code [xmin, ymin, xmax, ymax]} into {@code out}
     * and checks {@code xmin <= xmax}, {@code ymin <= ymax}.
     */
    static void readCorners(JsonCursor c, String path, double[] out) {
        if (c.current() != JsonToken.START_ARRAY) {
            throw c.error(path, "expected an array [xmin, ymin, xmax, ymax], got " + JsonCursor.describe(c.current()));
        }
        int n = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            if (c.current() == null) {
                throw c.error(path, "unexpected end of input");
            }
            if (n < 4) {
                out[n] = c.readFinite(path + "[" + n + "]");
            } else if (c.current() == JsonToken.START_ARRAY || c.current() == JsonToken.START_OBJECT) {
                c.skipChildren();
            }
            n++;
        }
        if (n != 4) {
            throw c.error(path, "expected 4 numbers [xmin, ymin, xmax, ymax], got " + n);
        }
        if (out[2] < out[0] || out[3] < out[1]) {
            throw c.error(path, "xmax must not be less than xmin, nor ymax less than ymin, got [" + out[0] + ", "
                    + out[1] + ", " + out[2] + ", " + out[3] + "]");
        }
    }

    /** Fails unless the input ends after the current token. */
    static void expectEnd(JsonCursor c) {
        if (c.next() != null) {
            throw c.error("$", "unexpected content after the top-level value");
        }
    }
}
