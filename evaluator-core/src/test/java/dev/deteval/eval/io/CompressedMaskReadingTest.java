package dev.deteval.eval.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.mask.Rle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Compressed RLE counts of results, decoded from the parser's characters when {@code size} comes first and
 * from a string otherwise: the same masks and the same messages either way.
 */
final class CompressedMaskReadingTest {

    private static final String GT = """
            {"images": [{"id": 1, "width": 4, "height": 4}], "categories": [{"id": 1, "name": "a"}],
             "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 4], "area": 8,
                              "segmentation": {"counts": [0, 8, 8], "size": [4, 4]}}]}
            """;
    /** Columns 1 and 2 of a 4 x 4 image: runs 4, 8, 4, written "4", "8", "4" (one 5-bit group each). */
    private static final Rle COLUMNS_1_AND_2 = Rle.of(4, 4, new int[] {4, 8, 4});

    private static Rle mask(String segmentation) {
        return results(segmentation).maskColumn()[0];
    }

    private static Detections results(String segmentation) {
        String json = "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.5, \"segmentation\": " + segmentation + "}]";
        GroundTruth gt = new CocoJsonReader(IouType.SEGM).readGroundTruth(stream(GT), "gt.json");
        return new CocoJsonReader(IouType.SEGM).readResults(stream(json), "dt.json", gt);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readResults_sizeBeforeOrAfterCounts_sameMask() {
        assertThat(mask("{\"size\": [4, 4], \"counts\": \"484\"}")).isEqualTo(COLUMNS_1_AND_2);
        assertThat(mask("{\"counts\": \"484\", \"size\": [4, 4]}")).isEqualTo(COLUMNS_1_AND_2);
    }

    @Test
    void readResults_sizeGivenAgainAfterCounts_lastSizeDecides() {
        // 2 x 8 also has 16 pixels, so the counts decode at the first size too; the last size is the mask's
        assertThat(mask("{\"size\": [2, 8], \"counts\": \"484\", \"size\": [4, 4]}")).isEqualTo(COLUMNS_1_AND_2);
    }

    @Test
    void readResults_badCharacterAfterSize_messageNamesPathAndIndex() {
        assertThatThrownBy(() -> results("{\"size\": [4, 4], \"counts\": \"48!\"}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("[0].segmentation")
                .hasMessageContaining("character '!' (code 33) at index 2");
    }

    @Test
    void readResults_countsSummingToLessThanImage_messageGivesBothSums() {
        assertThatThrownBy(() -> results("{\"size\": [4, 4], \"counts\": \"48\"}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("[0].segmentation")
                .hasMessageContaining("RLE counts sum to " + (4 + 8) + " but h*w = " + 4 * 4);
    }
}
