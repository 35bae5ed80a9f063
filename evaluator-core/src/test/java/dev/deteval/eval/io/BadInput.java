package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Helpers for bad-input tests (also used by the CLI tests): files with a known bad spot, and where it is. */
public final class BadInput {

    /** Ground truth with two images, two categories and one good annotation; {@code %s} is a second. */
    public static final String GT_WITH_ANNOTATION = """
            {"images": [
              {"id": 1, "width": 640, "height": 480, "file_name": "a.jpg"},
              {"id": 2, "width": 640, "height": 480, "file_name": "b.jpg"}
            ],
            "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}],
            "annotations": [
              {"id": 1, "image_id": 1, "category_id": 1, "bbox": [10, 10, 20, 20], "area": 400, "iscrowd": 0},
              %s
            ]}
            """;

    /** Line of the annotation {@code annotations[1]} in {@link #GT_WITH_ANNOTATION}. */
    public static final int ANNOTATION_LINE = 8;

    /** Ground truth whose second image is {@code %s}. */
    static final String GT_WITH_IMAGE = """
            {"images": [
              {"id": 1, "width": 640, "height": 480},
              %s
            ],
            "categories": [{"id": 1, "name": "cat"}],
            "annotations": []}
            """;

    /** Ground truth whose second category is {@code %s}. */
    static final String GT_WITH_CATEGORY = """
            {"images": [{"id": 1}],
            "categories": [
              {"id": 1, "name": "cat"},
              %s
            ],
            "annotations": []}
            """;

    /** Results with one good detection; {@code %s} is a second ({@code [1]}, on line 3). */
    public static final String RESULTS_WITH_DETECTION = """
            [
              {"image_id": 1, "category_id": 1, "bbox": [10, 10, 20, 20], "score": 0.9},
              %s
            ]
            """;

    public static final int DETECTION_LINE = 3;

    /** A good ground truth for results tests: images 1 and 2, categories 1 and 2. */
    public static final String GOOD_GT = GT_WITH_ANNOTATION.formatted(
            "{\"id\": 2, \"image_id\": 2, \"category_id\": 2, \"bbox\": [0, 0, 5, 5], \"area\": 25, \"iscrowd\": 0}");

    private BadInput() {
    }

    public static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code call}, which must throw an {@link InputException}, and returns it. */
    static InputException inputException(ThrowingCallable call) {
        try {
            call.call();
        } catch (InputException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected an InputException, got " + t, t);
        }
        return fail("expected an InputException, but nothing was thrown");
    }

    /**
     * {@code "line L, column C"} of the {@code occurrence}-th (1-based) {@code marker} in {@code text}, in
     * Jackson's counting (lines and columns from 1).
     */
    public static String at(String text, String marker, int occurrence) {
        int index = -1;
        for (int i = 0; i < occurrence; i++) {
            index = text.indexOf(marker, index + 1);
            if (index < 0) {
                throw new IllegalArgumentException("marker '" + marker + "' occurs fewer than " + occurrence + " times");
            }
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (index - lineStart + 1);
    }

    /** {@code "line L, column C"} of the last character of the first {@code marker}. */
    static String atEndOf(String text, String marker) {
        String start = at(text, marker, 1);
        int comma = start.lastIndexOf(' ');
        return start.substring(0, comma + 1) + (Integer.parseInt(start.substring(comma + 1)) + marker.length() - 1);
    }

    public static String at(String text, String marker) {
        return at(text, marker, 1);
    }

    /** The exception names the JSON path and the line and column of {@code marker}. */
    static void assertAt(InputException e, String path, String text, String marker, int occurrence) {
        assertThat(e.location()).isEqualTo(path + " (" + at(text, marker, occurrence) + ")");
    }

    static void assertAt(InputException e, String path, String text, String marker) {
        assertAt(e, path, text, marker, 1);
    }

    /** The exception names the JSON path and line (the column is wherever the parser stands there). */
    static void assertOnLine(InputException e, String path, int line) {
        assertThat(e.location()).startsWith(path + " (line " + line + ", column ");
    }

    /** The problem reads like a sentence for a user, not like a parser's internals. */
    static void assertPlain(InputException e) {
        assertThat(e.problem()).doesNotContain("Source:", "REDACTED", "StreamReadFeature", "JsonReadFeature",
                "com.fasterxml", "java.", "Exception", "\n");
        assertThat(e.getMessage()).isEqualTo(e.source() + (e.location().isEmpty() ? "" : ": " + e.location()) + ": "
                + e.problem());
    }
}
