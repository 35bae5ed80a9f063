package dev.deteval.eval.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.report.ReportJsonReader;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.voc.VocDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Issue 14: every reader of untrusted input, given any bytes, either returns a result or throws an
 * {@link InputException}; any other exception, a hang or running out of memory is a bug. In the default
 * build these run once over the seed inputs in {@code src/test/resources/dev/deteval/eval/io/ReadersFuzzTestInputs/}
 * (small cases of the conformance suite); {@code mvn -Pfuzz test -pl evaluator-core} fuzzes each for a
 * bounded time (see docs/cli.md, "Fuzzing").
 */
final class ReadersFuzzTest {

    private static Path dir;
    private static Path vocGroundTruth;

    @BeforeAll
    static void folders() throws IOException {
        dir = Files.createTempDirectory("deteval-fuzz");
        vocGroundTruth = Files.createDirectories(dir.resolve("voc-gt"));
        Files.createDirectories(vocGroundTruth.resolve("Annotations"));
        Files.createDirectories(vocGroundTruth.resolve("ImageSets").resolve("Main"));
        for (String id : new String[] {"000012", "000034", "000056"}) {
            try (InputStream in = ReadersFuzzTest.class.getResourceAsStream(
                    "/conformance/voc_basic/Annotations/" + id + ".xml")) {
                Files.copy(in, vocGroundTruth.resolve("Annotations").resolve(id + ".xml"));
            }
        }
        Files.writeString(vocGroundTruth.resolve("ImageSets").resolve("Main").resolve("test.txt"),
                "000012\n000034\n000056\n");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs {@code read}; an {@link InputException} is a clean refusal, anything else propagates. */
    private static void resultOrInputException(Runnable read) {
        try {
            read.run();
        } catch (InputException expected) {
            // bad input, said cleanly
        }
    }

    private static InputStream in(byte[] data) {
        return new ByteArrayInputStream(data);
    }

    private static Path write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void readGroundTruth_anyBytes_resultOrInputException(byte[] data) {
        for (IouType type : IouType.values()) {
            resultOrInputException(() -> new CocoJsonReader(type).readGroundTruth(in(data), "fuzz"));
        }
    }

    @FuzzTest(maxDuration = "10s")
    void readLvisGroundTruth_anyBytes_resultOrInputException(byte[] data) {
        resultOrInputException(() -> new LvisJsonReader().readGroundTruth(data, "fuzz"));
        resultOrInputException(() -> new LvisJsonReader(IouType.SEGM).readGroundTruth(data, "fuzz"));
    }

    @FuzzTest(maxDuration = "10s")
    void readGroundTruthFile_anyBytes_resultOrInputException(byte[] data) {
        Path file = write(dir.resolve("gt.json"), data);
        resultOrInputException(() -> new CocoJsonReader().readGroundTruth(file));
    }

    @FuzzTest(maxDuration = "10s")
    void readResults_anyBytes_resultOrInputException(byte[] data) {
        for (IouType type : IouType.values()) {
            resultOrInputException(() -> new CocoJsonReader(type).readResults(in(data), "fuzz", null));
        }
        resultOrInputException(() -> new CocoJsonReader().readResults(data, "fuzz", null));
    }

    @FuzzTest(maxDuration = "10s")
    void readParams_anyBytes_resultOrInputException(byte[] data) {
        for (CocoMode mode : CocoMode.values()) {
            resultOrInputException(() -> CocoParamsReader.read(in(data), "fuzz", mode));
        }
    }

    @FuzzTest(maxDuration = "10s")
    void readBaselineReport_anyBytes_resultOrInputException(byte[] data) {
        resultOrInputException(() -> ReportJsonReader.read(in(data), "fuzz"));
    }

    @FuzzTest(maxDuration = "10s")
    void readVocXml_anyBytes_resultOrInputException(byte[] data) {
        Path root = dir.resolve("voc-xml");
        write(root.resolve("Annotations").resolve("a.xml"), data);
        write(root.resolve("ImageSets").resolve("Main").resolve("test.txt"), "a\n".getBytes());
        resultOrInputException(() -> new VocReader().readGroundTruth(root));
    }

    @FuzzTest(maxDuration = "10s")
    void readVocImageSet_anyBytes_resultOrInputException(byte[] data) {
        Path root = dir.resolve("voc-set");
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root.resolve("ImageSets").resolve("Main"));
                Files.createSymbolicLink(root.resolve("Annotations"), vocGroundTruth.resolve("Annotations"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(root.resolve("ImageSets").resolve("Main").resolve("test.txt"), data);
        resultOrInputException(() -> new VocReader().readGroundTruth(root));
    }

    @FuzzTest(maxDuration = "10s")
    void readVocResultsText_anyBytes_resultOrInputException(byte[] data) {
        VocDataset gt = new VocReader().readGroundTruth(vocGroundTruth);
        Path results = dir.resolve("voc-results");
        write(results.resolve("det_test_cat.txt"), data);
        resultOrInputException(() -> new VocReader().withImageSet("test").readResultsFolder(results, gt));
    }

    @FuzzTest(maxDuration = "10s")
    void readVocJson_anyBytes_resultOrInputException(byte[] data) {
        resultOrInputException(() -> new VocReader().readSimpleJson(in(data), "fuzz"));
        VocDataset gt = new VocReader().readGroundTruth(vocGroundTruth);
        resultOrInputException(() -> new VocReader().readDetectionsJson(in(data), "fuzz", gt));
    }

    private static Path yoloDataset;

    /** The YOLO fixture once, for the label and prediction fuzzers. */
    private static synchronized Path yoloDataset() {
        if (yoloDataset == null) {
            yoloDataset = YoloFixture.write(dir.resolve("yolo"));
        }
        return yoloDataset;
    }

    @FuzzTest(maxDuration = "10s")
    void readYoloYaml_anyBytes_resultOrInputException(byte[] data) {
        Path yaml = yoloDataset();
        Path fuzzed = write(yaml.resolveSibling("fuzz.yaml"), data);
        // the YAML only: listing the images a fuzzed 'val: /' names would walk the whole file system
        resultOrInputException(() -> YoloYaml.read(fuzzed, "val"));
    }

    @FuzzTest(maxDuration = "10s")
    void readYoloLabels_anyBytes_resultOrInputException(byte[] data) {
        Path yaml = yoloDataset();
        write(yaml.resolveSibling("labels/val/000002.txt"), data);
        resultOrInputException(() -> new YoloReader().readGroundTruth(yaml));
    }

    @FuzzTest(maxDuration = "10s")
    void readYoloPredictions_anyBytes_resultOrInputException(byte[] data) {
        Path yaml = yoloDataset();
        write(yaml.resolveSibling("labels/val/000002.txt"), YoloFixture.LABELS_2.getBytes(StandardCharsets.UTF_8));
        var gt = new YoloReader().readGroundTruth(yaml);
        write(dir.resolve("yolo-pred/000001.txt"), data);
        resultOrInputException(() -> new YoloReader().readDetections(dir.resolve("yolo-pred"), gt));
    }
}
