package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A JSON document that can be parsed again from its start, to find the place of an error noticed only
 * after the first parse ({@link JsonLocator}). A file is streamed again rather than kept in memory.
 */
@FunctionalInterface
interface JsonSource {

    /** A new parser at the start of the document. */
    JsonParser open(JsonFactory factory) throws IOException;

    /** A document held in memory. */
    static JsonSource of(byte[] bytes) {
        return factory -> factory.createParser(bytes);
    }

    /** A document in a file, streamed. */
    static JsonSource of(Path file) {
        return factory -> factory.createParser(InputFiles.open(file));
    }

    /** A document that cannot be read again (a stream): errors found after the parse have no line and column. */
    static JsonSource none() {
        return factory -> null;
    }
}
