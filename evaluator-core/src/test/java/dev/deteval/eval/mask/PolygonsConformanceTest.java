package dev.deteval.eval.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The segm conformance cases (src/test/resources/conformance, made with pycocotools at cocoapi 8c9bcc3): per
 * their README, each gt.json {@code area} is pycocotools' mask area of that annotation, so rasterising every
 * polygon (and summing every uncompressed RLE) must give it exactly. The {@code bbox} fields of these files
 * are the masks' {@code toBbox}, checked too. dt.json holds pycocotools-written compressed RLE strings, which
 * must decode to h*w pixels and encode back to the same string.
 */
final class PolygonsConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"edge_segm_poly_rle_crowd", "segm_random_s31_i40_c3", "segm_random_s32_i90_c5"})
    void rasterizeAll_everyGroundTruth_hasReferenceAreaAndBox(String caseName) throws IOException {
        JsonNode gt = read(caseName, "gt.json");
        Map<Integer, int[]> sizes = imageSizes(gt);
        int polygons = 0;
        for (JsonNode ann : gt.get("annotations")) {
            int[] hw = sizes.get(ann.get("image_id").asInt());
            JsonNode segm = ann.get("segmentation");
            Rle mask;
            if (segm.isArray()) {
                mask = Polygons.rasterizeAll(parts(segm), hw[0], hw[1]);
                polygons++;
            } else {
                JsonNode size = segm.get("size");
                mask = Rle.of(size.get(0).asInt(), size.get(1).asInt(), ints(segm.get("counts")));
            }
            String what = caseName + " annotation " + ann.get("id").asInt();
            assertThat((double) mask.area()).as(what + " area").isEqualTo(ann.get("area").asDouble());
            assertThat(mask.bbox()).as(what + " bbox").containsExactly(doubles(ann.get("bbox")));
        }
        assertThat(polygons).as("polygon annotations in " + caseName).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"edge_segm_poly_rle_crowd", "segm_random_s31_i40_c3", "segm_random_s32_i90_c5"})
    void decode_everyResultString_roundTripsToSameString(String caseName) throws IOException {
        JsonNode dt = read(caseName, "dt.json");
        assertThat(dt.size()).isPositive();
        for (JsonNode result : dt) {
            JsonNode segm = result.get("segmentation");
            int h = segm.get("size").get(0).asInt();
            int w = segm.get("size").get(1).asInt();
            String counts = segm.get("counts").asText();
            Rle mask = RleStrings.decode(counts, h, w);
            assertThat(mask.area()).isBetween(0L, (long) h * w);
            assertThat(RleStrings.encode(mask)).isEqualTo(counts);
        }
    }

    static JsonNode read(String caseName, String file) throws IOException {
        try {
            Path dir = Path.of(PolygonsConformanceTest.class.getResource("/conformance/" + caseName).toURI());
            return MAPPER.readTree(dir.resolve(file).toFile());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Integer, int[]> imageSizes(JsonNode gt) {
        Map<Integer, int[]> sizes = new HashMap<>();
        for (JsonNode image : gt.get("images")) {
            sizes.put(image.get("id").asInt(), new int[] {image.get("height").asInt(), image.get("width").asInt()});
        }
        return sizes;
    }

    private static List<double[]> parts(JsonNode segm) {
        List<double[]> parts = new ArrayList<>();
        for (JsonNode part : segm) {
            parts.add(doubles(part));
        }
        return parts;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }
}
