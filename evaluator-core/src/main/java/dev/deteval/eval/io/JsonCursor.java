package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/**
 * A Jackson streaming parser plus the source name, with typed reads that fail with an
 * {@link InputException} naming the JSON path, line and column.
 */
final class JsonCursor {

    final JsonParser parser;
    final String source;

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
    long readLong(Object path) {
        JsonToken t = current();
        try {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw error(path, "integer " + parser.getText() + " is too large (ids must fit in 64 bits)");
                }
                return parser.getLongValue();
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                double d = parser.getDoubleValue();
                if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                    return (long) d;
                }
                throw error(path, "expected an integer, got " + parser.getText());
            }
        } catch (IOException e) {
            throw error(path, e.getMessage());
        }
        throw error(path, "expected an integer, got " + describe(t));
    }

    /** The current token as a finite double, or an error naming {@code path}. */
    double readFinite(Object path) {
        JsonToken t = current();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(path, "expected a number, got " + describe(t));
        }
        try {
            double d = parser.getDoubleValue();
            if (!Double.isFinite(d)) {
                throw error(path, "number " + parser.getText() + " is not finite");
            }
            return d;
        } catch (IOException e) {
            throw error(path, e.getMessage());
        }
    }

    /** The current token as a flag: true/false or a number (non-zero is true). */
    boolean readFlag(Object path) {
        JsonToken t = current();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE || t == JsonToken.VALUE_NULL) {
            return false;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return readFinite(path) != 0;
        }
        throw error(path, "expected 0, 1, true or false, got " + describe(t));
    }

    /** The current token as a string (null allowed, giving the empty string). */
    String readString(Object path) {
        JsonToken t = current();
        try {
            if (t == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            if (t == JsonToken.VALUE_NULL) {
                return "";
            }
        } catch (IOException e) {
            throw error(path, e.getMessage());
        }
        throw error(path, "expected a string, got " + describe(t));
    }

    /** Reads an array of exactly four finite numbers into {@code out}. */
    void readBox(Object path, double[] out) {
        if (current() != JsonToken.START_ARRAY) {
            throw error(path, "expected an array of 4 numbers [x, y, w, h], got " + describe(current()));
        }
        int n = 0;
        while (next() != JsonToken.END_ARRAY) {
            if (current() == null) {
                throw error(path, "unexpected end of input");
            }
            if (n < 4) {
                out[n] = readFinite(path instanceof ElementPath p ? p.item(n) : path + "[" + n + "]");
            } else if (current() == JsonToken.START_ARRAY || current() == JsonToken.START_OBJECT) {
                skipChildren();
            }
            n++;
        }
        if (path instanceof ElementPath p) {
            p.item(-1);
        }
        if (n != 4) {
            throw error(path, "expected 4 numbers [x, y, w, h], got " + n);
        }
    }

    void expect(JsonToken expected, Object path, String what) {
        if (current() != expected) {
            throw error(path, "expected " + what + ", got " + describe(current()));
        }
    }

    InputException error(Object path, String problem) {
        return new InputException(source, where(String.valueOf(path), parser.currentTokenLocation()), problem);
    }

    private InputException malformed(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl > 0) {
            msg = msg.substring(0, nl);
        }
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
}
