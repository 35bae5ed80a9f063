package dev.deteval.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import dev.deteval.eval.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every COCO conformance case of evaluator-core (bbox, segm and keypoints; oracle: each case's
 * expected.json from pycocotools, see that folder's README.md) read through {@link CocoJsonFiles} and
 * evaluated on Spark local[2]: the same doubles as {@link CocoEvaluator} on the same files, and
 * pycocotools' stats within 1e-12. The sample data set (samples/data) gives the same doubles too.
 */
final class DetEvalSparkConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void fewPartitions() {
        LocalSpark.shufflePartitions(3);
    }

    static Path root() {
        return Path.of(System.getProperty("deteval.conformance", "../evaluator-core/src/test/resources/conformance"));
    }

    static List<Path> cocoCases() throws IOException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.exists(d.resolve("expected.json")))
                    .filter(d -> expected(d).get("kind").asText().equals("coco")).sorted().toList();
        }
    }

    static JsonNode expected(Path dir) {
        try {
            return MAPPER.readTree(dir.resolve("expected.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CocoParams params(Path dir) {
        Path p = dir.resolve("params.json");
        return Files.exists(p) ? CocoParamsReader.read(p, CocoMode.COMPAT) : CocoParams.defaults();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cocoCases")
    void evaluate_conformanceCase_equalsSingleMachineBitForBit(Path dir) {
        CocoParams params = params(dir);
        String gtPath = dir.resolve("gt.json").toUri().toString();
        String dtPath = dir.resolve("dt.json").toUri().toString();
        if (expected(dir).get("status").asText().equals("error")) {
            assertThatThrownBy(() -> CocoJsonFiles.read(LocalSpark.get(), gtPath, dtPath, params.iouType()))
                    .isInstanceOf(InputException.class).hasMessageContaining("not in the ground truth");
            return;
        }
        CocoJsonReader reader = new CocoJsonReader(params.iouType());
        GroundTruth gt = reader.readGroundTruth(dir.resolve("gt.json"));
        Detections dt = reader.readResults(dir.resolve("dt.json"), gt);
        CocoResult single = CocoEvaluator.evaluate(gt, dt, params);

        CocoJsonFiles.Tables tables = CocoJsonFiles.read(LocalSpark.get(), gtPath, dtPath, params.iouType());
        CocoResult spark = DetEvalSpark.evaluate(tables.groundTruth(), tables.detections(), params);

        Parity.assertSameResult(spark, single);
        JsonNode stats = expected(dir).get("coco").get("stats");
        for (int i = 0; i < stats.size(); i++) {
            assertThat(spark.summary().stats()[i]).as("%s stats[%d]", dir.getFileName(), i)
                    .isCloseTo(stats.get(i).asDouble(), within(1e-12));
        }
    }

    @Test
    void evaluate_sampleDataSet_equalsSingleMachineBitForBit() {
        Path dir = Path.of(System.getProperty("deteval.samples", "../samples/data"));
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(dir.resolve("instances_val.json"));
        Detections dt = reader.readResults(dir.resolve("detections.json"), gt);
        CocoResult single = CocoEvaluator.evaluate(gt, dt);

        CocoJsonFiles.Tables tables = CocoJsonFiles.read(LocalSpark.get(),
                dir.resolve("instances_val.json").toUri().toString(), dir.resolve("detections.json").toUri().toString(),
                dev.deteval.eval.coco.IouType.BBOX);
        CocoResult spark = DetEvalSpark.evaluate(tables.groundTruth(), tables.detections(), CocoParams.defaults());

        Parity.assertSameResult(spark, single);
        assertThat(spark.perCategory().get(0).name()).isEqualTo(gt.category(spark.categoryIds()[0]).name());
    }
}
