package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Areas and boxes of segm and keypoint results as pycocotools' {@code loadRes} sets them. */
final class CocoJsonReaderSegmKeypointTest {

    private static final String GT = """
            {"images": [{"id": 1, "width": 4, "height": 4}], "categories": [{"id": 1, "name": "a"}],
             "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 4], "area": 8,
                              "segmentation": {"counts": [0, 8, 8], "size": [4, 4]},
                              "keypoints": [1, 1, 2, 0, 0, 0], "num_keypoints": 1}]}
            """;
    /** Columns 1 and 2 of a 4 x 4 image: 8 pixels, box [1, 0, 2, 4]. */
    private static final String MASK = "\"segmentation\": {\"counts\": [4, 8, 4], \"size\": [4, 4]}";

    private static GroundTruth gt(IouType type) {
        return new CocoJsonReader(type).readGroundTruth(stream(GT), "gt.json");
    }

    private static Detections results(IouType type, String json) {
        return new CocoJsonReader(type).readResults(stream(json), "dt.json", gt(type));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readResults_segmWithoutBbox_areaAndBoxFromMask() {
        Detections d = results(IouType.SEGM, "[{\"image_id\": 1, \"category_id\": 1, \"score\": 1, " + MASK + "}]");

        assertThat(d.areaColumn()).containsExactly(8.0);
        assertThat(d.boxColumn()).containsExactly(1.0, 0.0, 2.0, 4.0);
        assertThat(d.maskColumn()[0].area()).isEqualTo(8);
    }

    @Test
    void readResults_segmFirstResultHasBbox_everyAreaIsBoxWidthTimesHeight() {
        Detections d = results(IouType.SEGM, "[{\"image_id\": 1, \"category_id\": 1, \"score\": 1, \"bbox\": [0, 0, 3, 3], "
                + MASK + "}, {\"image_id\": 1, \"category_id\": 1, \"score\": 1, \"bbox\": [0, 0, 1, 2], " + MASK + "}]");

        assertThat(d.areaColumn()).containsExactly(3.0 * 3, 1.0 * 2);
    }

    @Test
    void readResults_segmFirstHasBboxLaterNot_rejected() {
        String json = "[{\"image_id\": 1, \"category_id\": 1, \"score\": 1, \"bbox\": [0, 0, 3, 3], " + MASK
                + "}, {\"image_id\": 1, \"category_id\": 1, \"score\": 1, " + MASK + "}]";

        assertThatThrownBy(() -> results(IouType.SEGM, json)).isInstanceOf(InputException.class)
                .hasMessageContaining("[1]").hasMessageContaining("missing required field 'bbox'");
    }

    @Test
    void readResults_keypoints_boxIsExtentOfAllPoints() {
        Detections d = results(IouType.KEYPOINTS, "[{\"image_id\": 1, \"category_id\": 1, \"score\": 1,"
                + " \"keypoints\": [1, 5, 2, 4, 1, 0]}]");

        // x from 1 to 4, y from 1 to 5; the second point has v = 0 and still counts
        assertThat(d.boxColumn()).containsExactly(1.0, 1.0, 4.0 - 1, 5.0 - 1);
        assertThat(d.areaColumn()).containsExactly((4.0 - 1) * (5.0 - 1));
        assertThat(d.keypoints().count(0)).isEqualTo(2);
    }

    @Test
    void readGroundTruth_keypointsAndCount_kept() {
        GroundTruth g = gt(IouType.KEYPOINTS);

        assertThat(g.numKeypointsColumn()).containsExactly(1);
        assertThat(g.keypoints().values()).containsExactly(1.0, 1.0, 2.0, 0.0, 0.0, 0.0);
        assertThat(g.maskColumn()).containsExactly((dev.deteval.eval.mask.Rle) null);
    }

    @Test
    void readGroundTruth_bboxReader_skipsSegmentationAndKeypoints() {
        GroundTruth g = gt(IouType.BBOX);

        assertThat(g.maskColumn()[0]).isNull();
        assertThat(g.keypoints().count(0)).isZero();
    }

    /** Masks are rasterised in parallel; of several bad segmentations the first in file order is named. */
    @Test
    void readGroundTruth_severalBadPolygons_firstInFileOrderReported() {
        StringBuilder annotations = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String polygon = i == 57 || i == 150 ? "[[1, 1, 2, 2]]" : i == 120 ? "[[1, 1, 3, 1]]" : "[[0, 0, 3, 0, 3, 3]]";
            annotations.append(i == 0 ? "" : ",\n").append("{\"id\": ").append(100 + i)
                    .append(", \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 3, 3], \"segmentation\": ")
                    .append(polygon).append('}');
        }
        String json = "{\"images\": [{\"id\": 1, \"width\": 4, \"height\": 4}],"
                + " \"categories\": [{\"id\": 1, \"name\": \"a\"}], \"annotations\": [" + annotations + "]}";

        assertThatThrownBy(() -> new CocoJsonReader(IouType.SEGM).readGroundTruth(stream(json), "gt.json"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.location()).startsWith("annotations[57].segmentation");
                    assertThat(ie.problem()).startsWith("annotation 157: ");
                });
    }
}
