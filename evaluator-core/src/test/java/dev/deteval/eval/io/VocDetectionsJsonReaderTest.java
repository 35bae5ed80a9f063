package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class VocDetectionsJsonReaderTest {

    static final VocDataset GT = gt();

    static VocDataset gt() {
        VocDataset.Builder b = VocDataset.builder(List.of("cat", "dog"));
        b.addImage("a");
        b.addImage("b");
        return b.build();
    }

    static VocDetections read(VocReader reader, String... lines) {
        return reader.readDetectionsJson(new ByteArrayInputStream(Devkit.lines(lines).getBytes(StandardCharsets.UTF_8)),
                "dt.json", GT);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(String... lines) {
        return assertThatThrownBy(() -> read(new VocReader(), lines)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("dt.json: ");
    }

    @Test
    void read_list_keepsOrderAndValues() {
        VocDetections dt = read(new VocReader(),
                "[{\"image\": \"b\", \"name\": \"dog\", \"score\": 0.5, \"bbox\": [1.5, 2, 3, 4], \"extra\": [1]},",
                " {\"bbox\": [5, 6, 7, 8], \"score\": 1, \"name\": \"cat\", \"image\": \"a\"}]");

        assertThat(dt.imageIndexColumn()).containsExactly(1, 0);
        assertThat(dt.classIndexColumn()).containsExactly(1, 0);
        assertThat(dt.scoreColumn()).containsExactly(0.5, 1.0);
        assertThat(dt.boxColumn()).containsExactly(1.5, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void read_unknownClass_skippedWithCountedWarning() {
        VocReader reader = new VocReader();

        VocDetections dt = read(reader, "[{\"image\": \"a\", \"name\": \"bird\", \"score\": 0.5, \"bbox\": [1, 2, 3, 4]},",
                " {\"image\": \"a\", \"name\": \"bird\", \"score\": 0.4, \"bbox\": [1, 2, 3, 4]}]");

        assertThat(dt.size()).isZero();
        assertThat(reader.warnings()).singleElement().asString().startsWith("dt.json: 2 detection(s)")
                .contains("bird (2)");
    }

    @Test
    void read_unknownImage_namesPathAndLine() {
        assertReadFails("[{\"image\": \"a\", \"name\": \"cat\", \"score\": 0.5, \"bbox\": [1, 2, 3, 4]},",
                " {\"image\": \"zz\", \"name\": \"cat\", \"score\": 0.5, \"bbox\": [1, 2, 3, 4]}]")
                .hasMessageContaining("[1].image (line 2").hasMessageContaining("image 'zz' is not in the ground truth");
    }

    @Test
    void read_missingScore_namesPath() {
        assertReadFails("[{\"image\": \"a\", \"name\": \"cat\", \"bbox\": [1, 2, 3, 4]}]")
                .hasMessageContaining("[0]").hasMessageContaining("missing required field 'score'");
    }

    @Test
    void read_nonFiniteScore_rejected() {
        assertReadFails("[{\"image\": \"a\", \"name\": \"cat\", \"score\": NaN, \"bbox\": [1, 2, 3, 4]}]")
                .hasMessageContaining("[0].score").hasMessageContaining("not finite");
    }

    @Test
    void read_notAList_rejected() {
        assertReadFails("{\"detections\": []}").hasMessageContaining("expected a JSON array of detections");
    }

    @Test
    void readDetections_jsonFilePath_readsFile(@TempDir Path dir) {
        Path file = Devkit.file(dir.resolve("dt.json"),
                "[{\"image\": \"a\", \"name\": \"cat\", \"score\": 0.5, \"bbox\": [1, 2, 3, 4]}]");

        assertThat(new VocReader().readDetections(file, GT).size()).isEqualTo(1);
    }
}
