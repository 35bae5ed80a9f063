package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.mask.Polygons;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segm results whose segmentation is a list of polygons, read as pycocotools' loadRes reads them: kept
 * when the first result has a bbox (area = bbox w * h, the polygons rasterised at the image's size as
 * evaluate()'s annToRLE does), an error without that bbox. The golden case is
 * realworld/fce_shapes_segm (RealWorldConformanceTest).
 */
final class PolygonResultsTest {

    /** Image 1 is 6 high and 8 wide, image 2 is 5 x 5, image 3 has no size. */
    private static final String GT = """
            {"images": [{"id": 1, "width": 8, "height": 6}, {"id": 2, "width": 5, "height": 5}, {"id": 3}],
             "categories": [{"id": 1, "name": "a"}],
             "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 4], "area": 8,
                              "segmentation": [[0, 0, 2, 0, 2, 4, 0, 4]]}]}
            """;
    private static final double[] TRIANGLE = {1, 1, 6, 1, 3.5, 5};
    private static final double[] SQUARE = {0, 0, 2, 0, 2, 2, 0, 2};

    @TempDir
    Path dir;

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static GroundTruth gt() {
        return new CocoJsonReader(IouType.SEGM).readGroundTruth(stream(GT), "gt.json");
    }

    private static Detections results(String json) {
        return new CocoJsonReader(IouType.SEGM).readResults(stream(json), "dt.json", gt());
    }

    @Test
    void readResults_polygonsWithBbox_rasterisedAtTheImageSizeWithBoxArea() {
        Detections d = results("""
                [{"image_id": 1, "category_id": 1, "score": 0.9, "bbox": [1, 1, 5, 4],
                  "segmentation": [[1, 1, 6, 1, 3.5, 5], [0, 0, 2, 0, 2, 2, 0, 2]]},
                 {"image_id": 2, "category_id": 1, "score": 0.8, "bbox": [1, 1, 5, 4],
                  "segmentation": [[1, 1, 6, 1, 3.5, 5]]}]
                """);

        assertThat(d.maskColumn()[0]).isEqualTo(Polygons.rasterizeAll(List.of(TRIANGLE, SQUARE), 6, 8));
        assertThat(d.maskColumn()[1]).isEqualTo(Polygons.rasterizeAll(List.of(TRIANGLE), 5, 5));
        assertThat(d.areaColumn()).containsExactly(5.0 * 4, 5.0 * 4);
        assertThat(d.boxColumn()).containsExactly(1, 1, 5, 4, 1, 1, 5, 4);
    }

    @Test
    void readResults_boxedResultWithoutSegmentation_boxRasterisedAsPolygon() {
        Detections d = results("""
                [{"image_id": 1, "category_id": 1, "score": 0.9, "bbox": [1, 1, 5, 4],
                  "segmentation": [[1, 1, 6, 1, 3.5, 5]]},
                 {"image_id": 1, "category_id": 1, "score": 0.8, "bbox": [2, 1, 3, 2.5]}]
                """);

        // loadRes: segmentation = [[x1, y1, x1, y2, x2, y2, x2, y1]] with x2 = x + w, y2 = y + h
        double[] corners = {2, 1, 2, 1 + 2.5, 2 + 3, 1 + 2.5, 2 + 3, 1};
        assertThat(d.maskColumn()[1]).isEqualTo(Polygons.rasterizeAll(List.of(corners), 6, 8));
        assertThat(d.areaColumn()[1]).isEqualTo(3 * 2.5);
    }

    @Test
    void readResults_rleAfterBoxedPolygon_keepsRleAndBoxArea() {
        Detections d = results("""
                [{"image_id": 2, "category_id": 1, "score": 0.9, "bbox": [0, 0, 1, 1],
                  "segmentation": [[0, 0, 2, 0, 2, 2, 0, 2]]},
                 {"image_id": 2, "category_id": 1, "score": 0.8, "bbox": [0, 0, 3, 3],
                  "segmentation": {"counts": [0, 5, 20], "size": [5, 5]}}]
                """);

        assertThat(d.maskColumn()[1].area()).isEqualTo(5);
        assertThat(d.areaColumn()).containsExactly(1.0 * 1, 3.0 * 3);
    }

    @Test
    void readResults_polygonsWithoutBbox_rejectedSayingWhy() {
        String json = """
                [{"image_id": 1, "category_id": 1, "score": 0.9, "segmentation": [[1, 1, 6, 1, 3.5, 5]]}]
                """;

        assertThatThrownBy(() -> results(json)).isInstanceOf(InputException.class)
                .hasMessageContaining("dt.json").hasMessageContaining("[0].segmentation")
                .hasMessageContaining("only read when the first result has a 'bbox'");
    }

    @Test
    void readResults_polygonAfterUnboxedRle_rejected() {
        // the first result decides: no bbox, so loadRes computes RLE areas and fails on the polygons of [1]
        String json = """
                [{"image_id": 2, "category_id": 1, "score": 0.9,
                  "segmentation": {"counts": [0, 5, 20], "size": [5, 5]}},
                 {"image_id": 2, "category_id": 1, "score": 0.8, "bbox": [0, 0, 2, 2],
                  "segmentation": [[0, 0, 2, 0, 2, 2, 0, 2]]}]
                """;

        assertThatThrownBy(() -> results(json)).isInstanceOf(InputException.class)
                .hasMessageContaining("[1].segmentation").hasMessageContaining("first result has a 'bbox'");
    }

    @Test
    void readResults_polygonOnImageWithoutSize_rejectedNamingImage() {
        String json = """
                [{"image_id": 3, "category_id": 1, "score": 0.9, "bbox": [0, 0, 2, 2],
                  "segmentation": [[0, 0, 2, 0, 2, 2, 0, 2]]}]
                """;

        assertThatThrownBy(() -> results(json)).isInstanceOf(InputException.class)
                .hasMessageContaining("[0].segmentation").hasMessageContaining("image 3: ")
                .hasMessageContaining("height and width");
    }

    @Test
    void readResults_polygonWithoutGroundTruth_rejectedSayingItIsNeeded() {
        String json = """
                [{"image_id": 1, "category_id": 1, "score": 0.9, "bbox": [0, 0, 2, 2],
                  "segmentation": [[0, 0, 2, 0, 2, 2, 0, 2]]}]
                """;

        assertThatThrownBy(() -> new CocoJsonReader(IouType.SEGM).readResults(stream(json), "dt.json", null))
                .isInstanceOf(InputException.class).hasMessageContaining("read the results against the ground truth");
    }

    @Test
    void readResults_boxShapedFirstPolygon_rejectedAsPycocotoolsFails() {
        String json = """
                [{"image_id": 1, "category_id": 1, "score": 0.9, "bbox": [0, 0, 2, 2],
                  "segmentation": [[0, 0, 2, 2]]}]
                """;

        assertThatThrownBy(() -> results(json)).isInstanceOf(InputException.class)
                .hasMessageContaining("[0].segmentation").hasMessageContaining("4 numbers");
    }

    /** Slices are parsed beside the ground truth, without image sizes: polygons are read again against it. */
    @Test
    void readBoth_largePolygonResults_equalsSequentialReadAgainstGroundTruth() throws Exception {
        Path gtFile = Files.writeString(dir.resolve("gt.json"), GT);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 3000; i++) {
            double x = i % 5;
            json.append(i == 0 ? "" : ",\n").append("{\"image_id\": ").append(1 + i % 2)
                    .append(", \"category_id\": 1, \"score\": ").append((i % 97) / 97.0).append(", \"bbox\": [")
                    .append(x).append(", 0, 2, 3], \"segmentation\": [[").append(x).append(", 0, ").append(x + 2)
                    .append(", 0, ").append(x + 1).append(", 3]]}");
        }
        String text = json.append("]").toString();
        Path dtFile = Files.writeString(dir.resolve("dt.json"), text);

        CocoJsonReader reader = new CocoJsonReader(IouType.SEGM, ParallelResultsReadTest.FORCED);
        Detections parallel = reader.readBoth(gtFile, dtFile).detections();
        Detections sequential = new CocoJsonReader(IouType.SEGM).readResults(stream(text), "dt.json", gt());

        assertThat(reader.lastSliceCount()).as("slices parsed").isGreaterThan(1);
        assertThat(parallel.size()).isEqualTo(3000);
        assertThat(parallel.maskColumn()).isEqualTo(sequential.maskColumn());
        assertThat(parallel.areaColumn()).isEqualTo(sequential.areaColumn());
        assertThat(parallel.maskColumn()[1].height()).isEqualTo(5);
    }
}
