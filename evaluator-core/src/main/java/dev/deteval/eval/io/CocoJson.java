package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/** What the COCO JSON parsers share: one parser factory, element paths for messages. */
final class CocoJson {

    /** Reads NaN and Infinity (reported as not finite where a number must be) and parses doubles fast. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private CocoJson() {
    }

    /** The JSON path of element {@code index} of the array at {@code base}; built only for messages. */
    static String at(String base, int index) {
        return JsonCursor.join(base, index, null);
    }
}
