package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.synth.SyntheticCoco;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ParallelResultsReadTest {

    @TempDir
    static Path dir;
    static GroundTruth gt;
    static byte[] results;

    @BeforeAll
    static void writeData() throws Exception {
        new SyntheticCoco(2500, 5).write(dir);
        gt = new CocoJsonReader().readGroundTruth(dir.resolve("instances.json"));
        results = Files.readAllBytes(dir.resolve("detections.json"));
    }

    @Test
    void readResults_largeArray_equalsSequentialParseInOrder() {
        assertThat(results.length).isGreaterThan(CocoJsonReader.PARALLEL_MIN_BYTES);
        Detections parallel = new CocoJsonReader().readResults(results, "dt.json", gt);
        Detections sequential = new CocoJsonReader().readResults(new ByteArrayInputStream(results), "dt.json", gt);

        assertThat(parallel.size()).isEqualTo(sequential.size());
        assertThat(parallel.imageIdColumn()).isEqualTo(sequential.imageIdColumn());
        assertThat(parallel.categoryIdColumn()).isEqualTo(sequential.categoryIdColumn());
        assertThat(parallel.boxColumn()).isEqualTo(sequential.boxColumn());
        assertThat(parallel.scoreColumn()).isEqualTo(sequential.scoreColumn());
    }

    @Test
    void readResults_errorNearTheEnd_namesTheSamePlaceAsSequentialParse() {
        String text = new String(results, StandardCharsets.UTF_8);
        int last = text.lastIndexOf("\"score\":");
        String broken = text.substring(0, last) + "\"score\":\"high\"" + text.substring(text.indexOf('}', last));
        byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);

        InputException sequential = catchInput(() -> new CocoJsonReader()
                .readResults(new ByteArrayInputStream(bytes), "dt.json", gt));
        assertThatThrownBy(() -> new CocoJsonReader().readResults(bytes, "dt.json", gt))
                .isInstanceOf(InputException.class).hasMessage(sequential.getMessage());
        assertThat(sequential.location()).startsWith("[").contains(".score").contains("line 1, column");
    }

    @Test
    void split_stringsWithBracketsAndCommas_cutsOnlyBetweenElements() {
        String json = "[{\"a\":\"],{\\\"\"},{\"b\":[1,2]} , {\"c\":3}]";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int[] cuts = ArraySplitter.split(bytes, bytes.length, 8);
        assertThat(cuts).isNotNull();
        StringBuilder joined = new StringBuilder();
        for (int j = 0; j < cuts.length; j += 2) {
            String slice = json.substring(cuts[j], cuts[j + 1]);
            assertThat(slice.trim()).startsWith("{").endsWith("}");
            joined.append(j == 0 ? "" : ",").append(slice);
        }
        assertThat("[" + joined + "]").isEqualTo(json);
    }

    @Test
    void split_objectAtTopLevel_returnsNull() {
        byte[] bytes = "{\"annotations\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(ArraySplitter.split(bytes, bytes.length, 4)).isNull();
    }

    private static InputException catchInput(Runnable r) {
        try {
            r.run();
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("expected an InputException");
    }
}
