package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.Arrays;

/**
 * A Jackson streaming parser plus the source name, with typed reads that fail with an
 * {@link InputException} naming the JSON path, line and column.
 */
final class JsonCursor {

    final JsonParser parser;
    final String source;
    /** Room for an array of numbers being read ({@link SegmentationJson#numbers}), grown when too small. */
    private double[] numbers = new double[64];

    JsonCursor(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
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

    /** The current token as a long id, or an error naming {@code path}. */
    long readLong(String path) {
        return readLong(path, -1, null);
    }

    /**
     * The current token as a long id, or an error naming {@code base[index].field}; the path is only built
     * for the error.
     */
    long readLong(String base, int index, String field) {
        JsonToken t = current();
        try {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw error(join(base, index, field), "integer " + parser.getText()
                            + " is too large (ids must fit in 64 bits)");
                }
                return parser.getLongValue();
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                double d = parser.getDoubleValue();
                if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                    return (long) d;
                }
                throw error(join(base, index, field), "expected an integer, got " + parser.getText());
            }
        } catch (IOException e) {
            throw e instanceof JsonProcessingException jpe ? malformed(jpe)
                    : error(join(base, index, field), e.getMessage());
        }
        throw error(join(base, index, field), "expected an integer, got " + describe(t));
    }

    /**
     * Whether the current token is a string id (else it is a number, read with {@link #readLong}); any
     * other token is an error naming {@code base[index].field}.
     */
    static boolean isId(JsonCursor c, String base, int index, String field) {
        JsonToken t = c.current();
        if (t == JsonToken.VALUE_STRING) {
            return true;
        }
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw c.error(join(base, index, field), "expected an integer or a string, got " + describe(t));
        }
        return false;
    }

    /** The current token as a finite double, or an error naming {@code path}. */
    double readFinite(String path) {
        return readFinite(path, -1, null);
    }

    /** The current token as a finite double, or an error naming {@code base[index].field}. */
    double readFinite(String base, int index, String field) {
        JsonToken t = current();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(join(base, index, field), "expected a number, got " + describe(t));
        }
        try {
            double d = parser.getDoubleValue();
            if (!Double.isFinite(d)) {
                throw error(join(base, index, field), "number " + parser.getText() + " is not finite");
            }
            return d;
        } catch (IOException e) {
            throw e instanceof JsonProcessingException jpe ? malformed(jpe)
                    : error(join(base, index, field), e.getMessage());
        }
    }

    /** The current token as a flag: true/false or a number (non-zero is true). */
    boolean readFlag(String path) {
        return readFlag(path, -1, null);
    }

    /** The current token as a flag; errors name {@code base[index].field}. */
    boolean readFlag(String base, int index, String field) {
        JsonToken t = current();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
            return false;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return readFinite(base, index, field) != 0;
        }
        throw error(join(base, index, field), "expected 0, 1, true or false, got " + describe(t));
    }

    /** The current token's text as written (a number's digits, a string's content), for messages. */
    String text() {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The current token as a string (null allowed, giving the empty string). */
    String readString(String path) {
        JsonToken t = current();
        try {
            if (t == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            if (t == JsonToken.VALUE_NULL) {
                return "";
            }
        } catch (IOException e) {
            throw e instanceof JsonProcessingException jpe ? malformed(jpe) : error(path, e.getMessage());
        }
        throw error(path, "expected a string, got " + describe(t));
    }

    /** Reads an array of exactly four finite numbers into {@code out}; errors name {@code base[index].field}. */
    void readBox(String base, int index, String field, double[] out) {
        if (current() != JsonToken.START_ARRAY) {
            throw error(join(base, index, field), "expected an array of 4 numbers [x, y, w, h], got "
                    + describe(current()));
        }
        int n = 0;
        while (next() != JsonToken.END_ARRAY) {
            if (n < 4) {
                out[n] = boxNumber(base, index, field, n);
            } else if (current() == JsonToken.START_ARRAY || current() == JsonToken.START_OBJECT) {
                skipChildren();
            }
            n++;
        }
        if (n != 4) {
            throw error(join(base, index, field), "expected 4 numbers [x, y, w, h], got " + n);
        }
    }

    private double boxNumber(String base, int index, String field, int n) {
        JsonToken t = current();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            double d = number();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        return readFinite(join(base, index, field) + "[" + n + "]"); // throws, naming the element
    }

    /** The current number token as a double (no check that it is finite). */
    double number() {
        try {
            return parser.getDoubleValue();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code base[index].field}; without the index part when {@code index < 0}, without the field when null. */
    static String join(String base, int index, String field) {
        String element = index < 0 ? base : base + "[" + index + "]";
        return field == null ? element : element + "." + field;
    }

    /**
     * Records that member {@code name} (flag {@code bit}) of the object at {@code path} was read; a
     * second occurrence, whose value would silently replace the first, is an error.
     *
     * @return {@code seen} with {@code bit} set
     */
    int once(int seen, int bit, String path, String name) {
        return once(seen, bit, path, -1, name);
    }

    /** {@link #once(int, int, String, String)} for the object at {@code base[index]}; builds the path only on error. */
    int once(int seen, int bit, String base, int index, String name) {
        if ((seen & bit) != 0) {
            throw error(join(base, index, name), "member '" + name + "' appears twice in one object");
        }
        return seen | bit;
    }

    void expect(JsonToken expected, String path, String what) {
        if (current() != expected) {
            throw error(path, "expected " + what + ", got " + describe(current()));
        }
    }

    InputException error(String path, String problem) {
        return new InputException(source, where(path, parser.currentTokenLocation()), problem);
    }

    /** Where the current token starts. */
    JsonLocation location() {
        return parser.currentTokenLocation();
    }

    /** An error at an earlier place, remembered with {@link #location()}. */
    InputException errorAt(String path, JsonLocation loc, String problem) {
        return new InputException(source, where(path, loc), problem);
    }

    private InputException malformed(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl > 0) {
            msg = msg.substring(0, nl);
        }
        // Jackson names other places as "[Source: REDACTED (...); line: 1, column: 12]"
        msg = msg.replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        return new InputException(source, loc == null ? "" : where("", loc), "malformed JSON: " + msg, e);
    }

    static String where(String path, JsonLocation loc) {
        String lc = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        if (path.isEmpty()) {
            return lc;
        }
        return lc.isEmpty() ? path : path + " (" + lc + ")";
    }

    static String describe(JsonToken t) {
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

    /** The cursor's room for numbers, at least {@code length} long; its content is the caller's to overwrite. */
    double[] numberRoom(int length) {
        if (numbers.length < length) {
            numbers = Arrays.copyOf(numbers, Math.max(length, 2 * numbers.length));
        }
        return numbers;
    }
}
