package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CocoResultsWriterTest {

    private static final String TWO = """
            [{"image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 2], "score": 1e-1},
             {"image_id": 2, "category_id": 3, "bbox": [1, 1, 2, 2], "score": 0.5, "area": 123456789012345678901}]
            """;

    @TempDir
    Path dir;

    @Test
    void writeSubset_someIndices_copiesThoseInSourceOrder() throws IOException {
        Path in = Files.writeString(dir.resolve("in.json"), TWO);
        Path out = dir.resolve("out.json");
        CocoResultsWriter.writeSubset(in, out, new int[] {1}, null);
        assertThat(Files.readString(out)).isEqualTo("[\n{\"image_id\":2,\"category_id\":3,\"bbox\":[1,1,2,2],"
                + "\"score\":0.5,\"area\":123456789012345678901}\n]\n");
    }

    @Test
    void writeSubset_newScores_replaceOnlyScore() throws IOException {
        Path in = Files.writeString(dir.resolve("in.json"), TWO);
        Path out = dir.resolve("out.json");
        CocoResultsWriter.writeSubset(in, out, new int[] {0, 1}, new double[] {0.25, 0.125});
        assertThat(Files.readString(out)).contains("\"score\":0.25}", "\"score\":0.125,\"area\"");
    }

    @Test
    void writeSubset_indexBeyondDetections_throwsAndLeavesNoFile() throws IOException {
        Path in = Files.writeString(dir.resolve("in.json"), TWO);
        Path out = dir.resolve("out.json");
        assertThatThrownBy(() -> CocoResultsWriter.writeSubset(in, out, new int[] {0, 2}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 2 is beyond the 2");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(in);
        }
    }

    @Test
    void writeSubset_unorderedIndices_throws() throws IOException {
        Path in = Files.writeString(dir.resolve("in.json"), TWO);
        assertThatThrownBy(() -> CocoResultsWriter.writeSubset(in, dir.resolve("o.json"), new int[] {1, 0}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> CocoResultsWriter.writeSubset(in, dir.resolve("o.json"), new int[] {0},
                new double[2])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    @Test
    void writeSubset_notAList_throwsNamingSource() throws IOException {
        Path in = Files.writeString(dir.resolve("in.json"), "{\"images\": []}");
        assertThatThrownBy(() -> CocoResultsWriter.writeSubset(in, dir.resolve("o.json"), new int[0], null))
                .isInstanceOf(InputException.class).hasMessageContaining(in.toString())
                .hasMessageContaining("'annotations'");
    }
}
