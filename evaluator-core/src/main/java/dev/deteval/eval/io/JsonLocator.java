package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Finds where a value sits in a JSON document (in memory or a file read again), for errors found after the parse (a
 * duplicate id, a reference to an unknown image). The readers do not remember a location per element
 * while parsing; when such an error turns up, walking the document once more to the element costs far
 * less than remembering every location that might be needed.
 */
final class JsonLocator {

    private JsonLocator() {
    }

    /**
     * The start of the value reached by {@code steps} from the root: a {@link String} step enters the
     * object member of that name, an {@link Integer} step the array element at that index.
     *
     * @return its location, or null when the document has no such value
     */
    static JsonLocation find(JsonFactory factory, byte[] bytes, Object... steps) {
        return find(factory, JsonSource.of(bytes), steps);
    }

    /** {@link #find(JsonFactory, byte[], Object...)} in a document parsed again from {@code source}. */
    static JsonLocation find(JsonFactory factory, JsonSource source, Object... steps) {
        try (JsonParser p = source.open(factory)) {
            if (p == null || p.nextToken() == null) {
                return null;
            }
            for (Object step : steps) {
                if (!(step instanceof String name ? enterMember(p, name) : enterElement(p, (Integer) step))) {
                    return null;
                }
            }
            return p.currentTokenLocation();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean enterMember(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean match = name.equals(p.currentName());
            p.nextToken();
            if (match) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }

    private static boolean enterElement(JsonParser p, int index) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return false;
        }
        for (int i = 0; ; i++) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) {
                return false;
            }
            if (i == index) {
                return true;
            }
            p.skipChildren();
        }
    }
}
