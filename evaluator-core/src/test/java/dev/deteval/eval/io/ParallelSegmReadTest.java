package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.synth.SyntheticCoco;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mask results large enough to be read in parallel slices give what one sequential parse gives,
 * including loadRes' rule that the first result decides, for every result, whether boxes or masks give
 * the area.
 */
final class ParallelSegmReadTest {

    @TempDir
    static Path dir;
    static String results;

    @BeforeAll
    static void writeData() throws Exception {
        new SyntheticCoco(300, 9, true).write(dir);
        results = Files.readString(dir.resolve("detections.json"));
    }

    @Test
    void readBoth_maskResults_equalsSequentialRead() {
        assertThat(results.length()).isGreaterThan(Slicing.PARALLEL_MIN_BYTES);

        assertSameAsSequential(dir.resolve("detections.json"), results);
    }

    /** Without a bbox on the first result pycocotools takes every area from the mask, in every slice. */
    @Test
    void readBoth_firstResultWithoutBox_everySliceTakesAreasFromMasks() throws Exception {
        String text = withoutBox(results.indexOf("\"bbox\":"));
        Path file = Files.writeString(dir.resolve("first-without-box.json"), text);

        Detections dt = assertSameAsSequential(file, text);

        Detections.Builder boxed = Detections.builder();
        double[] b = dt.boxColumn();
        int last = dt.size() - 1;
        assertThat(dt.areaColumn()[last]).as("the last result's area is its mask's, not w * h")
                .isEqualTo(dt.maskColumn()[last].area())
                .isNotEqualTo(boxed.add(1, 1, b[4 * last], b[4 * last + 1], b[4 * last + 2], b[4 * last + 3], 1)
                        .build().areaColumn()[0]);
    }

    /** The first result has a bbox, a result in a later slice has none: the sequential parse's error. */
    @Test
    void readBoth_laterResultWithoutBox_reportsTheSequentialError() throws Exception {
        String text = withoutBox(results.lastIndexOf("\"bbox\":"));
        Path file = Files.writeString(dir.resolve("last-without-box.json"), text);

        InputException sequential = BadInput.inputException(() -> new CocoJsonReader(IouType.SEGM)
                .readResults(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file.toString(), null));
        assertThatThrownBy(() -> sliced().readBoth(dir.resolve("instances.json"), file))
                .isInstanceOf(InputException.class).hasMessage(sequential.getMessage());
        assertThat(sequential.getMessage()).contains("missing required field 'bbox'");
    }

    /** A mask reader that slices on any machine (see {@link ParallelResultsReadTest#FORCED}). */
    private static CocoJsonReader sliced() {
        return new CocoJsonReader(IouType.SEGM, ParallelResultsReadTest.FORCED);
    }

    /** The results without the {@code "bbox":[…],} member that starts at {@code box}. */
    private static String withoutBox(int box) {
        return results.substring(0, box) + results.substring(results.indexOf(']', box) + 2);
    }

    private static Detections assertSameAsSequential(Path file, String text) {
        CocoJsonReader reader = sliced();
        Detections parallel = reader.readBoth(dir.resolve("instances.json"), file).detections();
        assertThat(reader.lastSliceCount()).as("slices parsed").isGreaterThan(1);
        Detections sequential = new CocoJsonReader(IouType.SEGM)
                .readResults(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "dt.json", null);

        assertThat(parallel.size()).isEqualTo(sequential.size());
        assertThat(parallel.imageIdColumn()).isEqualTo(sequential.imageIdColumn());
        assertThat(parallel.boxColumn()).isEqualTo(sequential.boxColumn());
        assertThat(parallel.areaColumn()).isEqualTo(sequential.areaColumn());
        assertThat(parallel.scoreColumn()).isEqualTo(sequential.scoreColumn());
        assertThat(parallel.maskColumn()).isEqualTo(sequential.maskColumn());
        return parallel;
    }
}
