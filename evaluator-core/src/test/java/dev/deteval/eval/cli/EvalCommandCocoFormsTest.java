package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The COCO forms pycocotools accepts beyond numeric ids and RLE results, on the command line: string image
 * and category ids (printed back as strings), polygon result segmentations; and the forms it cannot score,
 * which exit 2 with one line naming the file, the place and the problem.
 */
final class EvalCommandCocoFormsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Image "9"'s detection misses, image "10"'s hits, both at score 0.5. */
    private static final String GT = """
            {"images": [{"id": "9", "width": 100, "height": 100}, {"id": "10", "width": 100, "height": 100}],
             "categories": [{"id": "cat", "name": "Cat"}],
             "annotations": [
               {"id": 1, "image_id": "9", "category_id": "cat", "bbox": [0, 0, 10, 10], "area": 100,
                "segmentation": [[0, 0, 10, 0, 10, 10, 0, 10]]},
               {"id": 2, "image_id": "10", "category_id": "cat", "bbox": [0, 0, 10, 10], "area": 100,
                "segmentation": [[0, 0, 10, 0, 10, 10, 0, 10]]}]}
            """;
    private static final String DT = """
            [{"image_id": "9", "category_id": "cat", "bbox": [50, 50, 10, 10], "score": 0.5},
             {"image_id": "10", "category_id": "cat", "bbox": [0, 0, 10, 10], "score": 0.5}]
            """;

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run eval(String gt, String dt, String... extra) throws IOException {
        Path g = Files.writeString(dir.resolve("gt.json"), gt);
        Path d = Files.writeString(dir.resolve("dt.json"), dt);
        List<String> args = new ArrayList<>(List.of("eval", "--gt", g.toString(), "--dt", d.toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private void assertBadInput(Run r, String[] files, String place, String problem) {
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(line -> {
            for (String file : files) {
                assertThat(line).contains(dir.resolve(file).toString());
            }
            assertThat(line).contains(place).contains(problem);
        });
    }

    @Test
    void eval_stringIds_jsonKeepsThemStringsAndOrdersImagesAsPython() throws IOException {
        Run r = eval(GT, DT, "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = MAPPER.readTree(r.out());
        // sorted(["9", "10"]) == ["10", "9"]: the hit ranks first, precision 1 up to recall 1/2
        assertThat(json.get("stats").get("AP").asDouble()).isCloseTo(51.0 / 101, within(1e-12));
        JsonNode row = json.get("perCategory").get(0);
        assertThat(row.get("id").isTextual()).isTrue();
        assertThat(row.get("id").asText()).isEqualTo("cat");
        assertThat(row.get("name").asText()).isEqualTo("Cat");
    }

    @Test
    void eval_stringIdsWithOperatingPointAndConfusionMatrix_jsonKeepsThemStrings() throws IOException {
        Run r = eval(GT, DT, "--format", "json", "--confidence", "0.5", "--confusion-matrix", "class-aware");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = MAPPER.readTree(r.out());
        assertThat(json.get("operatingPoint").get("perCategory").get(0).get("id").asText()).isEqualTo("cat");
        assertThat(json.get("bestF1").get("perCategory").get(0).get("id").isTextual()).isTrue();
        assertThat(json.get("confusionMatrix").get("categoryIds").get(0).asText()).isEqualTo("cat");
        assertThat(json.get("confusionMatrix").get("categoryIds").get(0).isTextual()).isTrue();
    }

    @Test
    void eval_stringIds_textAndMarkdownShowTheString() throws IOException {
        Run text = eval(GT, DT);
        Run markdown = eval(GT, DT, "--format", "markdown");

        assertThat(text.out().lines()).anyMatch(l -> l.startsWith("cat Cat "));
        assertThat(markdown.out().lines()).anyMatch(l -> l.startsWith("| cat | Cat |"));
    }

    @Test
    void eval_stringIdReportAsBaseline_readAndMatchedByName() throws IOException {
        Run report = eval(GT, DT, "--format", "json");
        Path baseline = Files.writeString(dir.resolve("baseline.json"), report.out());

        Run r = eval(GT, DT, "--baseline", baseline.toString(), "--rule", "category:Cat:AP:maxDrop=0");

        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void eval_numberIdsAgainstStringGroundTruth_exit2NamingBothFiles() throws IOException {
        Run r = eval(GT, DT.replace("\"image_id\": \"9\"", "\"image_id\": 9"));

        assertBadInput(r, new String[] {"dt.json", "gt.json"}, "[0].image_id",
                "image id 9 is a number, but the ground truth");
    }

    @Test
    void eval_stringCategoryAgainstNumberGroundTruth_exit2NamingBothFiles() throws IOException {
        String gt = GT.replace("\"cat\"", "1");

        Run r = eval(gt, DT);

        assertBadInput(r, new String[] {"dt.json", "gt.json"}, "[0].category_id",
                "category id \"cat\" is a string, but the ground truth");
    }

    @Test
    void eval_mixedImageIdTypesInGroundTruth_exit2NamingBothPlaces() throws IOException {
        Run r = eval(GT.replace("\"image_id\": \"10\"", "\"image_id\": 10"), DT);

        assertBadInput(r, new String[] {"gt.json"}, "annotations[1].image_id",
                "image id 10 is a number, but images[0].id is a string");
    }

    @Test
    void eval_paramsSelectImgIdsOfStringGroundTruth_exit2() throws IOException {
        Path params = Files.writeString(dir.resolve("params.json"), "{\"imgIds\": [1]}");

        Run r = eval(GT, DT, "--params", params.toString());

        assertBadInput(r, new String[] {"params.json", "gt.json"}, "imgIds", "selects ids by number");
    }

    @Test
    void eval_polygonResultsWithBbox_scoredLikeTheirRasterisedMasks() throws IOException {
        String dt = """
                [{"image_id": "9", "category_id": "cat", "bbox": [50, 50, 10, 10], "score": 0.5,
                  "segmentation": [[50, 50, 60, 50, 60, 60, 50, 60]]},
                 {"image_id": "10", "category_id": "cat", "bbox": [0, 0, 10, 10], "score": 0.5,
                  "segmentation": [[0, 0, 10, 0, 10, 10, 0, 10]]}]
                """;

        Run r = eval(GT, dt, "--iou-type", "segm", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        // the same polygon as the ground truth's: a perfect mask match, ranked as in the box case
        assertThat(MAPPER.readTree(r.out()).get("stats").get("AP").asDouble()).isCloseTo(51.0 / 101, within(1e-12));
    }

    @Test
    void eval_polygonResultsWithoutBbox_exit2SayingPycocotoolsNeedsIt() throws IOException {
        String dt = """
                [{"image_id": "10", "category_id": "cat", "score": 0.5,
                  "segmentation": [[0, 0, 10, 0, 10, 10, 0, 10]]}]
                """;

        Run r = eval(GT, dt, "--iou-type", "segm");

        assertBadInput(r, new String[] {"dt.json"}, "[0].segmentation",
                "a polygon segmentation is only read when the first result has a 'bbox'");
    }

    @Test
    void eval_polygonWithTwoPoints_exit2NamingResult() throws IOException {
        String dt = """
                [{"image_id": "10", "category_id": "cat", "score": 0.5, "bbox": [0, 0, 10, 10],
                  "segmentation": [[0, 0, 10, 0, 10, 10, 0, 10], [1, 1, 2, 2]]}]
                """;

        Run r = eval(GT, dt, "--iou-type", "segm");

        assertBadInput(r, new String[] {"dt.json"}, "[0].segmentation", "polygon part 1");
    }
}
