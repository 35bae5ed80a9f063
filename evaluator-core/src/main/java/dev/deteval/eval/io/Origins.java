package dev.deteval.eval.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each annotation of a ground truth was read: its file and the place in it (a label file's line, a
 * JSON path, an XML line), so that a converter can name them in an error.
 */
final class Origins {

    private final List<String> sources = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();

    /** Records the origin of the next annotation. */
    void add(String source, String location) {
        sources.add(source);
        locations.add(location);
    }

    /** An error about annotation {@code i} at its origin. */
    InputException error(int i, String problem) {
        return new InputException(sources.get(i), locations.get(i), problem);
    }

    /** The origins of a COCO file's annotations: {@code annotations[i]}. */
    static Origins coco(String source, int annotations) {
        Origins o = new Origins();
        for (int i = 0; i < annotations; i++) {
            o.add(source, "annotations[" + i + "]");
        }
        return o;
    }
}
