package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonToken;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.data.TextIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of one kind (images or categories) in one ground-truth file, wherever they appear: all numbers
 * or all strings, as pycocotools needs to sort them ({@code sorted()} fails on a mix, and it tells
 * {@code 2299} from {@code "2299"}). Strings get provisional numbers in order of first appearance;
 * {@link #numbers()} gives their final numbers once the file is read. One instance per kind and file.
 */
final class IdFamily {

    private static final int UNKNOWN = 0;
    private static final int NUMBER = 1;
    private static final int TEXT = 2;

    private final String noun;
    private int kind = UNKNOWN;
    private String firstPath;
    private final Map<String, Long> provisional = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /** @param noun what the ids name ({@code image}, {@code category}), for messages */
    IdFamily(String noun) {
        this.noun = noun;
    }

    /**
     * Reads the id at the cursor: a number as it is, a string as its provisional number.
     *
     * @throws InputException when its kind differs from the first id of this family in the file
     */
    long read(JsonCursor c, String base, int index, String field) {
        boolean text = JsonCursor.isId(c, base, index, field);
        if (kind != (text ? TEXT : NUMBER)) {
            agree(c, text, JsonCursor.join(base, index, field));
        }
        if (!text) {
            return c.readLong(base, index, field);
        }
        String s = c.text();
        Long id = provisional.get(s);
        if (id == null) {
            id = (long) texts.size();
            provisional.put(s, id);
            texts.add(s);
        }
        return id;
    }

    private void agree(JsonCursor c, boolean text, String path) {
        if (kind == UNKNOWN) {
            kind = text ? TEXT : NUMBER;
            firstPath = path;
            return;
        }
        throw c.error(path, noun + " id " + shown(c, text) + " is a " + (text ? "string" : "number") + ", but "
                + firstPath + " is a " + (text ? "number" : "string") + ": " + noun + " ids must be all numbers or"
                + " all strings (pycocotools tells 2299 from \"2299\" and cannot sort a mix)");
    }

    private static String shown(JsonCursor c, boolean text) {
        String raw = c.text();
        return text ? "\"" + Names.cell(raw) + "\"" : Names.cell(raw);
    }

    /** Whether the ids of this family were strings. */
    boolean isText() {
        return kind == TEXT;
    }

    /** The strings read, numbered in Python's order; only for a text family. */
    TextIds textIds() {
        return TextIds.of(texts);
    }

    /** The final number of each provisional one (index = provisional number); only for a text family. */
    long[] numbers() {
        TextIds ids = textIds();
        long[] numbers = new long[texts.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = ids.id(texts.get(i)).orElseThrow();
        }
        return numbers;
    }

    /** How an id read by {@link #read} appears in messages: its string in quotes, or the number. */
    String show(long id) {
        return kind == TEXT ? "\"" + Names.cell(texts.get((int) id)) + "\"" : Long.toString(id);
    }
}
