package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Names;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * How the reports write a category id: as the ground truth wrote it, a string for string ids (taken from
 * the evaluation's per-category rows), else the number.
 */
final class CategoryIds {

    private final Map<Long, String> texts;

    private CategoryIds(Map<Long, String> texts) {
        this.texts = texts;
    }

    /** The string ids of {@code result}'s categories, if its ground truth used strings. */
    static CategoryIds of(CocoResult result) {
        Map<Long, String> texts = new HashMap<>();
        for (CategoryMetrics m : result.perCategory()) {
            m.textId().ifPresent(t -> texts.put(m.id(), t));
        }
        return new CategoryIds(texts);
    }

    /** The id for a text table: the string (cut and made printable) or the number. */
    String cell(long id) {
        String text = texts.get(id);
        return text == null ? Long.toString(id) : Names.cell(text);
    }

    /** Writes the id as a JSON value: a string for a string id, else a number. */
    void write(JsonGenerator g, long id) throws IOException {
        String text = texts.get(id);
        if (text == null) {
            g.writeNumber(id);
        } else {
            g.writeString(text);
        }
    }
}
