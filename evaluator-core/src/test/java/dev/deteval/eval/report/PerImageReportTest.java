package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.PerImageCounts;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The JSON Lines of per-image counts: one object a line, untrusted file names escaped. */
final class PerImageReportTest {

    @Test
    void writeJsonLines_fileNameWithQuotesCommasAndNewline_oneEscapedLinePerImage() throws Exception {
        String awkward = "a \"b\",\nc\u2028.jpg";
        GroundTruth gt = GroundTruth.builder().addImage(7, 0, 0, awkward).addImage(8, 0, 0, "plain.jpg")
                .addCategory(1, "cat").addAnnotation(1, 7, 1, 0, 0, 10, 10, 100, false, false).build();
        PerImageCounts counts = PerImageCounts.compute(gt, Detections.empty(), CocoParams.defaults(), 0.5, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PerImageReport.writeJsonLines(counts, out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        // two images, each line ends in a newline: the last split part is empty
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        ObjectMapper mapper = new ObjectMapper();
        // image 7 has one missed object, so it comes first
        assertThat(mapper.readTree(lines[0]).get("fileName").asText()).isEqualTo(awkward);
        assertThat(mapper.readTree(lines[0]).get("fn").asInt()).isEqualTo(1);
        assertThat(mapper.readTree(lines[1]).get("imageId").asLong()).isEqualTo(8);
    }
}
