package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Keypoint arrays read through one reusable buffer: long arrays, and the messages for bad elements, which
 * name the element as before the buffer (the same texts main printed for these inputs).
 */
final class KeypointJsonTest {

    private static final String GT = """
            {"images": [{"id": 1}], "categories": [{"id": 1, "name": "person"}],
             "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 5, 5], "area": 25,
                              "keypoints": %s, "num_keypoints": %s}]}
            """;

    private static GroundTruth gt(String keypoints, String count) {
        return new CocoJsonReader(IouType.KEYPOINTS).readGroundTruth(stream(GT.formatted(keypoints, count)), "gt.json");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_manyKeypoints_growsBufferAndKeepsEveryValue() {
        String values = IntStream.range(0, 3 * 40).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String dt = "[{\"image_id\": 1, \"category_id\": 1, \"score\": 1, \"keypoints\": [" + values + "]},"
                + " {\"image_id\": 1, \"category_id\": 1, \"score\": 1, \"keypoints\": [7, 8, 9]}]";

        GroundTruth g = gt("[" + values + "]", "40");
        Detections d = new CocoJsonReader(IouType.KEYPOINTS).readResults(stream(dt), "dt.json", g);

        assertThat(g.keypoints().count(0)).isEqualTo(40);
        assertThat(g.keypoints().values()[119]).isEqualTo(119.0);
        assertThat(d.keypoints().count(0)).isEqualTo(40);
        assertThat(d.keypoints().count(1)).isEqualTo(1);
        assertThat(d.keypoints().values()).endsWith(118.0, 119.0, 7.0, 8.0, 9.0);
    }

    @Test
    void read_nonFiniteElement_namesIt() {
        assertThatThrownBy(() -> gt("[1, 1, NaN, 2, 2, 2]", "2")).isInstanceOf(InputException.class)
                .hasMessageContaining("annotations[0].keypoints[2]").hasMessageContaining("number NaN is not finite");
    }

    @Test
    void read_arrayElement_namesIt() {
        assertThatThrownBy(() -> gt("[1, 1, [1], 2, 2, 2]", "2")).isInstanceOf(InputException.class)
                .hasMessageContaining("annotations[0].keypoints[2]")
                .hasMessageContaining("expected a number, got an array");
    }

    @Test
    void read_notAnArray_namesTheMember() {
        assertThatThrownBy(() -> gt("null", "0")).isInstanceOf(InputException.class)
                .hasMessageContaining("annotations[0].keypoints")
                .hasMessageContaining("expected an array of numbers, got null");
    }

    @Test
    void read_negativeCount_namesIt() {
        assertThatThrownBy(() -> gt("[1, 1, 2]", "-1")).isInstanceOf(InputException.class)
                .hasMessageContaining("annotations[0].num_keypoints")
                .hasMessageContaining("must be a non-negative integer, got -1");
    }
}
