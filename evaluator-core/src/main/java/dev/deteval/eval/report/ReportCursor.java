package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.deteval.eval.io.InputException;
import java.io.IOException;

/**
 * A JSON parser over a deteval report that turns every problem into an {@link InputException} naming the
 * source, the JSON path with line and column, and what was expected (the same wording as the input
 * readers use).
 */
final class ReportCursor {

    private final JsonParser parser;
    private final String source;

    ReportCursor(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    String source() {
        return source;
    }

    JsonToken next() {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    void skipChildren() {
        try {
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    JsonToken current() {
        return parser.currentToken();
    }

    String fieldName() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The current token as a string (null gives the empty string). */
    String readString(String path) {
        JsonToken t = current();
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        if (t != JsonToken.VALUE_STRING) {
            throw error(path, "expected a string, got " + describe(t));
        }
        try {
            return parser.getText();
        } catch (IOException e) {
            throw error(path, e.getMessage());
        }
    }

    /** The current token as an integer id. */
    long readLong(String path) {
        JsonToken t = current();
        try {
            if (t == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return parser.getLongValue();
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                double d = parser.getDoubleValue();
                if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                    return (long) d;
                }
            }
            throw error(path, "expected an integer within 64 bits, got " + (t == null ? "end of input"
                    : parser.getText()));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw error(path, e.getMessage());
        }
    }

    /** The current token as a metric value: a number, or null (NaN). */
    double readMetric(String path) {
        JsonToken t = current();
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(path, "expected a number or null, got " + describe(t));
        }
        try {
            return parser.getDoubleValue();
        } catch (IOException e) {
            throw error(path, e.getMessage());
        }
    }

    void expect(JsonToken expected, String path, String what) {
        if (current() != expected) {
            throw error(path, "expected " + what + ", got " + describe(current()));
        }
    }

    InputException error(String path, String problem) {
        return new InputException(source, where(path, parser.currentTokenLocation()), problem);
    }

    private InputException malformed(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl > 0) {
            msg = msg.substring(0, nl);
        }
        msg = msg.replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        return new InputException(source, e.getLocation() == null ? "" : where("", e.getLocation()),
                "malformed JSON: " + msg, e);
    }

    private static String where(String path, JsonLocation loc) {
        String lc = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        if (path.isEmpty()) {
            return lc;
        }
        return lc.isEmpty() ? path : path + " (" + lc + ")";
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
