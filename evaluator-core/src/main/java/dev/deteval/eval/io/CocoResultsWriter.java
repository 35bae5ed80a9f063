package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes a subset of a COCO results file: the detections at the given positions, each with all its
 * members as they are in the source (numbers keep their text; nested values are copied), optionally with
 * a new {@code score}. The source is a JSON array of detections or an object whose {@code annotations}
 * member is that array, as {@link CocoJsonReader#readResults} accepts; the target is always a JSON array,
 * one detection per line, in source order.
 *
 * <p>The source is streamed with Jackson's parser and the target written with its generator, so memory
 * does not grow with the file. The target is written to a temporary file beside it and then moved into
 * place ({@link AtomicFile}), so the source and the target may be the same file and a failed run leaves no
 * partial target.
 */
public final class CocoResultsWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private CocoResultsWriter() {
    }

    /**
     * Copies the detections at {@code indices} from {@code source} to {@code target}.
     *
     * @param indices {@code int[k]}, positions in the source's detection list (0-based), strictly
     *     ascending
     * @param scores {@code double[k]}, the new score of each copied detection, or null to keep the
     *     source's scores
     * @throws InputException when the source cannot be read or is not a results list
     * @throws OutputException when the target cannot be written or is not a regular file (see
     *     {@link AtomicFile})
     * @throws IllegalArgumentException when the indices are not ascending, the arrays differ in length,
     *     or an index is beyond the source's detections
     */
    public static void writeSubset(Path source, Path target, int[] indices, double[] scores) {
        checkIndices(indices, scores);
        AtomicFile.write(target, out -> {
            try (InputStream in = InputFiles.open(source)) {
                copy(in, source.toString(), out, indices, scores);
            }
        });
    }

    private static void checkIndices(int[] indices, double[] scores) {
        if (scores != null && scores.length != indices.length) {
            throw new IllegalArgumentException("indices and scores differ in length: " + indices.length + " and "
                    + scores.length);
        }
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || (k > 0 && indices[k] <= indices[k - 1])) {
                throw new IllegalArgumentException("indices must be non-negative and strictly ascending, got "
                        + indices[k] + " at position " + k);
            }
        }
    }

    private static void copy(InputStream in, String source, OutputStream out, int[] indices, double[] scores)
            throws IOException {
        try (JsonParser p = FACTORY.createParser(in); JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new OnePerLine());
            new Copier(p, source, g, indices, scores).run();
            g.writeRaw('\n');
        } catch (JsonProcessingException e) {
            throw new InputException(source, "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr(), "malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One pass over the source: finds the detection list and copies the selected elements. */
    private static final class Copier {
        private final JsonParser p;
        private final String source;
        private final JsonGenerator g;
        private final int[] indices;
        private final double[] scores;
        private int next;

        Copier(JsonParser p, String source, JsonGenerator g, int[] indices, double[] scores) {
            this.p = p;
            this.source = source;
            this.g = g;
            this.indices = indices;
            this.scores = scores;
        }

        void run() throws IOException {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                boolean found = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("annotations") && value == JsonToken.START_ARRAY && !found) {
                        found = true;
                        list();
                    } else {
                        p.skipChildren();
                    }
                }
                if (!found) {
                    throw new InputException(source, "$", "expected a JSON array of detections or an object with"
                            + " 'annotations'");
                }
            } else if (first == JsonToken.START_ARRAY) {
                list();
            } else {
                throw new InputException(source, "$", "expected a JSON array of detections");
            }
        }

        private void list() throws IOException {
            g.writeStartArray();
            int i = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                if (next < indices.length && indices[next] == i) {
                    detection(scores == null ? Double.NaN : scores[next]);
                    next++;
                } else {
                    p.skipChildren();
                }
                i++;
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw new InputException(source, "[" + i + "]", "expected a detection object");
            }
            if (next < indices.length) {
                throw new IllegalArgumentException("index " + indices[next] + " is beyond the " + i
                        + " detections in " + source);
            }
            g.writeEndArray();
        }

        /** Copies the current object; a non-NaN {@code score} replaces the source's score. */
        private void detection(double score) throws IOException {
            g.writeStartObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                g.writeFieldName(name);
                if (name.equals("score") && !Double.isNaN(score)) {
                    g.writeNumber(score);
                    p.skipChildren();
                } else {
                    value();
                }
            }
            g.writeEndObject();
        }

        private void value() throws IOException {
            switch (p.currentToken()) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        g.writeFieldName(p.currentName());
                        p.nextToken();
                        value();
                    }
                    g.writeEndObject();
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        value();
                    }
                    g.writeEndArray();
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                case VALUE_STRING -> g.writeString(p.getText());
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw new InputException(source, "", "unexpected JSON token " + p.currentToken());
            }
        }
    }

    /** Compact JSON, except that the top-level array puts each element on its own line. */
    private static final class OnePerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        private static boolean topLevel(JsonGenerator g) {
            return g.getOutputContext().getParent().inRoot();
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (topLevel(g)) {
                g.writeRaw('\n');
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(topLevel(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (topLevel(g) && nrOfValues > 0) {
                g.writeRaw('\n');
            }
            g.writeRaw(']');
        }
    }
}
