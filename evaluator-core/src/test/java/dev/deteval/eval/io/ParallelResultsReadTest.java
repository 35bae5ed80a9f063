package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.synth.SyntheticCoco;
import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ParallelResultsReadTest {

    /** Slices every input of 64 KiB or more for four workers, whatever the number of cores. */
    static final Slicing FORCED = new Slicing(4, 1 << 16, Slicing.MAX_SLICE_BYTES);

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

    /** A reader that slices on any machine, also on a one-core runner where the default one streams. */
    static CocoJsonReader sliced() {
        return new CocoJsonReader(IouType.BBOX, FORCED);
    }

    @Test
    void readResults_forcedSlicing_parsesInMoreThanOneSliceOnAnyMachine() {
        CocoJsonReader fromBytes = sliced();
        fromBytes.readResults(results, "dt.json", gt);
        CocoJsonReader fromFile = sliced();
        fromFile.readResults(dir.resolve("detections.json"), gt);
        CocoJsonReader both = sliced();
        both.readBoth(dir.resolve("instances.json"), dir.resolve("detections.json"));
        CocoJsonReader streamed = sliced();
        streamed.readResults(new ByteArrayInputStream(results), "dt.json", gt);

        int slices = Slicing.SLICES_PER_WORKER * FORCED.workers();
        assertThat(fromBytes.lastSliceCount()).isEqualTo(slices);
        assertThat(fromFile.lastSliceCount()).isEqualTo(slices);
        assertThat(both.lastSliceCount()).isEqualTo(slices);
        assertThat(streamed.lastSliceCount()).isZero();
    }

    @Test
    void readResults_oneWorker_parsesInOnePiece() {
        CocoJsonReader reader = new CocoJsonReader(IouType.BBOX, new Slicing(1, 1 << 16, Slicing.MAX_SLICE_BYTES));

        Detections dt = reader.readResults(dir.resolve("detections.json"), gt);

        assertThat(reader.lastSliceCount()).isZero();
        assertThat(dt.scoreColumn()).isEqualTo(sliced().readResults(results, "dt.json", gt).scoreColumn());
    }

    @Test
    void readResults_largeArray_equalsSequentialParseInOrder() {
        assertThat(results.length).isGreaterThan(Slicing.PARALLEL_MIN_BYTES);
        Detections parallel = sliced().readResults(results, "dt.json", gt);
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

        InputException sequential = BadInput.inputException(() -> new CocoJsonReader()
                .readResults(new ByteArrayInputStream(bytes), "dt.json", gt));
        assertThatThrownBy(() -> sliced().readResults(bytes, "dt.json", gt))
                .isInstanceOf(InputException.class).hasMessage(sequential.getMessage());
        assertThat(sequential.location()).startsWith("[").contains(".score").contains("line 1, column");
    }

    @Test
    void split_plainArray_slicesOfWholeElementsRejoinToTheDocument() {
        String json = "[{\"a\":1},{\"b\":[1,2]} , {\"c\":3},\n{\"d\":4}]";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int[] cuts = ArraySplitter.split(bytes, bytes.length, 8);
        assertThat(cuts).isNotNull();
        assertThat(cuts.length).isGreaterThan(2);
        StringBuilder joined = new StringBuilder();
        for (int j = 0; j < cuts.length; j += 2) {
            String slice = json.substring(cuts[j], cuts[j + 1]);
            assertThat(slice.trim()).startsWith("{").endsWith("}");
            joined.append(j == 0 ? "" : ",").append(slice);
        }
        assertThat("[" + joined + "]").isEqualTo(json);
    }

    /**
     * Cut guesses that land inside a string or a nested array make a slice invalid; the reader then
     * parses the whole input in one piece and gets the same detections.
     */
    @Test
    void readResults_braceCommaBraceInsideStringsAndNestedArrays_equalsSequentialParse() {
        String text = new String(results, StandardCharsets.UTF_8);
        String decorated = text.replace("\"score\":", "\"note\":\"},{\",\"parts\":[{\"a\":1},{\"b\":2}],\"score\":");
        byte[] bytes = decorated.getBytes(StandardCharsets.UTF_8);
        assertThat(ArraySplitter.nextBoundary(bytes, 0, bytes.length)).as("first guess lands inside a detection")
                .isLessThan(decorated.indexOf("},{\"image_id\""));

        Detections parallel = sliced().readResults(bytes, "dt.json", gt);
        Detections sequential = new CocoJsonReader().readResults(new ByteArrayInputStream(bytes), "dt.json", gt);

        assertThat(parallel.size()).isEqualTo(sequential.size());
        assertThat(parallel.imageIdColumn()).isEqualTo(sequential.imageIdColumn());
        assertThat(parallel.boxColumn()).isEqualTo(sequential.boxColumn());
        assertThat(parallel.scoreColumn()).isEqualTo(sequential.scoreColumn());
    }

    @Test
    void split_objectAtTopLevel_returnsNull() {
        byte[] bytes = "{\"annotations\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(ArraySplitter.split(bytes, bytes.length, 4)).isNull();
    }

    @Test
    void readBoth_validFiles_equalsGroundTruthThenResults() {
        CocoJsonReader.Inputs both = sliced().readBoth(dir.resolve("instances.json"),
                dir.resolve("detections.json"));
        Detections sequential = new CocoJsonReader().readResults(new ByteArrayInputStream(results), "dt.json", gt);

        assertThat(both.groundTruth().annotationIdColumn()).isEqualTo(gt.annotationIdColumn());
        assertThat(both.detections().imageIdColumn()).isEqualTo(sequential.imageIdColumn());
        assertThat(both.detections().boxColumn()).isEqualTo(sequential.boxColumn());
        assertThat(both.detections().scoreColumn()).isEqualTo(sequential.scoreColumn());
    }

    @Test
    void readBoth_unknownImageBeforeSyntaxError_reportsTheImageLikeSequentialReads() throws Exception {
        String text = new String(results, StandardCharsets.UTF_8);
        int firstImage = text.indexOf("\"image_id\":") + "\"image_id\":".length();
        String broken = text.substring(0, firstImage) + "987654321" + text.substring(text.indexOf(',', firstImage));
        broken = broken.substring(0, broken.length() - 1) + ",}]";
        Path file = dir.resolve("broken.json");
        Files.writeString(file, broken);

        InputException sequential = BadInput.inputException(() -> new CocoJsonReader().readResults(file, gt));
        assertThatThrownBy(() -> sliced().readBoth(dir.resolve("instances.json"), file))
                .isInstanceOf(InputException.class).hasMessage(sequential.getMessage());
        assertThat(sequential.getMessage()).contains("987654321").contains("[0].image_id");
    }

    @Test
    void readBoth_missingGroundTruthAndResults_reportsTheGroundTruthFirst() {
        Path missingGt = dir.resolve("no-gt.json");
        Path missingDt = dir.resolve("no-dt.json");

        assertThatThrownBy(() -> new CocoJsonReader().readBoth(missingGt, missingDt))
                .isInstanceOf(InputException.class).hasMessageContaining("no-gt.json")
                .hasMessageContaining("file not found");
    }

    /** The file splitter reads only windows of the file, yet cuts where the in-memory splitter does. */
    @Test
    void splitFile_plainAndIndentedLists_sameCutsAsSplittingTheBytes() throws Exception {
        String indented = new String(results, StandardCharsets.UTF_8).replace("},{", "},\n    {");
        for (byte[] bytes : new byte[][] {results, indented.getBytes(StandardCharsets.UTF_8)}) {
            Path file = dir.resolve("split.json");
            Files.write(file, bytes);
            try (FileChannel channel = FileChannel.open(file)) {
                long[] fromFile = ArraySplitter.split(channel, bytes.length, 7);

                assertThat(fromFile).hasSizeGreaterThan(2).isEqualTo(
                        Arrays.stream(ArraySplitter.split(bytes, bytes.length, 7)).asLongStream().toArray());
            }
        }
    }

    @Test
    void splitFile_objectAtTopLevelOrUnclosedArray_returnsNull() throws Exception {
        Path file = dir.resolve("not-a-list.json");
        for (String text : new String[] {"{\"annotations\":[{\"a\":1},{\"b\":2}]}", "[{\"a\":1},{\"b\":2}"}) {
            Files.writeString(file, text);
            try (FileChannel channel = FileChannel.open(file)) {
                assertThat(ArraySplitter.split(channel, text.length(), 4)).isNull();
            }
        }
    }

    /** Cut guesses inside strings and nested arrays, read slice by slice from the file: same detections. */
    @Test
    void readBoth_braceCommaBraceInsideStrings_equalsSequentialParse() throws Exception {
        String text = new String(results, StandardCharsets.UTF_8);
        String decorated = text.replace("\"score\":", "\"note\":\"},{\",\"parts\":[{\"a\":1},{\"b\":2}],\"score\":");
        Path file = dir.resolve("decorated.json");
        Files.writeString(file, decorated);

        CocoJsonReader.Inputs both = sliced().readBoth(dir.resolve("instances.json"), file);
        Detections sequential = new CocoJsonReader().readResults(
                new ByteArrayInputStream(decorated.getBytes(StandardCharsets.UTF_8)), "dt.json", gt);

        assertThat(both.detections().imageIdColumn()).isEqualTo(sequential.imageIdColumn());
        assertThat(both.detections().boxColumn()).isEqualTo(sequential.boxColumn());
        assertThat(both.detections().scoreColumn()).isEqualTo(sequential.scoreColumn());
    }

    @Test
    void readBoth_syntaxErrorNearTheEnd_namesTheSamePlaceAsSequentialRead() throws Exception {
        String text = new String(results, StandardCharsets.UTF_8);
        int last = text.lastIndexOf("\"score\":");
        String broken = text.substring(0, last) + "\"score\":0.5,,\"x\":1" + text.substring(text.indexOf('}', last));
        Path file = dir.resolve("syntax.json");
        Files.writeString(file, broken);

        InputException sequential = BadInput.inputException(() -> new CocoJsonReader().readResults(file, gt));
        assertThatThrownBy(() -> sliced().readBoth(dir.resolve("instances.json"), file))
                .isInstanceOf(InputException.class).hasMessage(sequential.getMessage());
        assertThat(sequential.getMessage()).contains("syntax.json");
    }
}
