package dev.deteval.eval.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deteval.eval.cli.Main;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.mask.MaskIou;
import dev.deteval.eval.mask.Polygons;
import dev.deteval.eval.mask.Rle;
import dev.deteval.eval.mask.RleStrings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SyntheticSegmTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void write_segmSameSeed_givesSameBytes(@TempDir Path dir) throws IOException {
        new SyntheticCoco(30, 4, true).write(dir.resolve("a"));
        new SyntheticCoco(30, 4, true).write(dir.resolve("b"));
        for (String file : List.of("instances.json", "detections.json")) {
            assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
        }
    }

    @Test
    void write_segm_keepsBoxesScoresAndIdsOfBoxOnlyData(@TempDir Path dir) throws IOException {
        new SyntheticCoco(30, 4).write(dir.resolve("box"));
        new SyntheticCoco(30, 4, true).write(dir.resolve("segm"));
        JsonNode boxGt = read(dir.resolve("box/instances.json"));
        JsonNode segmGt = read(dir.resolve("segm/instances.json"));
        assertThat(segmGt.get("images")).isEqualTo(boxGt.get("images"));
        assertThat(withoutFields(segmGt.get("annotations"), "segmentation", "area"))
                .isEqualTo(withoutFields(boxGt.get("annotations"), "segmentation", "area"));
        assertThat(withoutFields(read(dir.resolve("segm/detections.json")), "segmentation"))
                .isEqualTo(read(dir.resolve("box/detections.json")));
    }

    @Test
    void write_segm_groundTruthAreaIsMaskArea(@TempDir Path dir) throws IOException {
        new SyntheticCoco(40, 6, true).write(dir);
        JsonNode gt = read(dir.resolve("instances.json"));
        Map<Long, int[]> sizes = imageSizes(gt);
        int crowds = 0;
        for (JsonNode ann : gt.get("annotations")) {
            int[] hw = sizes.get(ann.get("image_id").asLong());
            Rle mask = groundTruthMask(ann.get("segmentation"), hw);
            assertThat(ann.get("segmentation").isObject()).isEqualTo(ann.get("iscrowd").asInt() == 1);
            crowds += ann.get("iscrowd").asInt();
            assertThat(ann.get("area").asDouble()).isEqualTo((double) mask.area()).isPositive();
            double[] box = doubles(ann.get("bbox"));
            double[] maskBox = mask.bbox();
            // the polygon lies inside the box: the mask's pixels lie within the box widened to whole pixels
            assertThat(maskBox[0]).isGreaterThanOrEqualTo(Math.floor(box[0]));
            assertThat(maskBox[1]).isGreaterThanOrEqualTo(Math.floor(box[1]));
            assertThat(maskBox[0] + maskBox[2]).isLessThanOrEqualTo(Math.ceil(box[0] + box[2]));
            assertThat(maskBox[1] + maskBox[3]).isLessThanOrEqualTo(Math.ceil(box[1] + box[3]));
        }
        assertThat(gt.get("annotations").size()).isPositive();
        assertThat(crowds).as("crowd regions among 40 images at seed 6").isPositive();
    }

    @Test
    void write_segm_confidentResultsOverlapTheirGroundTruth(@TempDir Path dir) throws IOException {
        new SyntheticCoco(40, 6, true).write(dir);
        JsonNode gt = read(dir.resolve("instances.json"));
        Map<Long, int[]> sizes = imageSizes(gt);
        Map<Long, List<Rle>> gtMasks = new HashMap<>();
        for (JsonNode ann : gt.get("annotations")) {
            long image = ann.get("image_id").asLong();
            gtMasks.computeIfAbsent(image, k -> new ArrayList<>())
                    .add(groundTruthMask(ann.get("segmentation"), sizes.get(image)));
        }
        double sum = 0;
        int confident = 0;
        for (JsonNode result : read(dir.resolve("detections.json"))) {
            long image = result.get("image_id").asLong();
            JsonNode segm = result.get("segmentation");
            int[] hw = sizes.get(image);
            assertThat(segm.get("size").get(0).asInt()).isEqualTo(hw[0]);
            assertThat(segm.get("size").get(1).asInt()).isEqualTo(hw[1]);
            Rle mask = RleStrings.decode(segm.get("counts").asText(), hw[0], hw[1]);
            assertThat(mask.area()).isPositive();
            if (result.get("score").asDouble() >= 0.6 && gtMasks.containsKey(image)) {
                Rle[] gts = gtMasks.get(image).toArray(Rle[]::new);
                double[] ious = new double[gts.length];
                MaskIou.iou(new Rle[] {mask}, gts, null, ious);
                double best = 0;
                for (double iou : ious) {
                    best = Math.max(best, iou);
                }
                sum += best;
                confident++;
            }
        }
        assertThat(confident).isPositive();
        // score >= 0.6 needs quality >= 0.53, i.e. box jitter <= 16 %: such copies overlap their source well
        assertThat(sum / confident).isGreaterThan(0.6);
    }

    @Test
    void synth_segmOption_writesReadableCocoFiles(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"synth", "--images", "12", "--seed", "2", "--segm", "--out", dir.toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("wrote 12 images");
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(dir.resolve("instances.json"));
        Detections dt = reader.readResults(dir.resolve("detections.json"), gt);
        assertThat(gt.imageCount()).isEqualTo(12);
        assertThat(CocoEvaluator.evaluate(gt, dt).warnings()).isEmpty();
    }

    private static Rle groundTruthMask(JsonNode segm, int[] hw) {
        if (segm.isObject()) {
            int[] counts = new int[segm.get("counts").size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = segm.get("counts").get(i).asInt();
            }
            return Rle.of(segm.get("size").get(0).asInt(), segm.get("size").get(1).asInt(), counts);
        }
        List<double[]> parts = new ArrayList<>();
        for (JsonNode part : segm) {
            parts.add(doubles(part));
        }
        return Polygons.rasterizeAll(parts, hw[0], hw[1]);
    }

    private static Map<Long, int[]> imageSizes(JsonNode gt) {
        Map<Long, int[]> sizes = new HashMap<>();
        for (JsonNode image : gt.get("images")) {
            sizes.put(image.get("id").asLong(), new int[] {image.get("height").asInt(), image.get("width").asInt()});
        }
        return sizes;
    }

    private static JsonNode withoutFields(JsonNode array, String... fields) {
        JsonNode copy = array.deepCopy();
        for (JsonNode element : copy) {
            ((ObjectNode) element).remove(List.of(fields));
        }
        return copy;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static JsonNode read(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }
}
