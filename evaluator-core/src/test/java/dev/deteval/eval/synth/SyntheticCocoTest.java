package dev.deteval.eval.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SyntheticCocoTest {

    @Test
    void write_sameSeed_givesSameBytes(@TempDir Path dir) throws Exception {
        new SyntheticCoco(40, 9).write(dir.resolve("a"));
        new SyntheticCoco(40, 9).write(dir.resolve("b"));
        assertThat(Files.readAllBytes(dir.resolve("a/instances.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/instances.json")));
        assertThat(Files.readAllBytes(dir.resolve("a/detections.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/detections.json")));
    }

    @Test
    void write_400Images_hasCocoLikeShape(@TempDir Path dir) {
        SyntheticCoco.Written w = new SyntheticCoco(400, 3).write(dir);
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(dir.resolve("instances.json"));
        Detections dt = reader.readResults(dir.resolve("detections.json"), gt);

        assertThat(gt.imageCount()).isEqualTo(400);
        assertThat(gt.categories()).hasSize(80);
        assertThat(gt.annotationCount()).isEqualTo(w.annotations());
        assertThat(dt.size()).isEqualTo(w.detections());
        // Poisson(7.3) objects per image: the mean of 400 draws lies well within 6.5..8.1
        assertThat(gt.annotationCount() / 400.0).isBetween(6.5, 8.1);
        assertThat(dt.size() / 400.0).isBetween(80.0, 100.0);
        int small = 0;
        for (double area : gt.areaColumn()) {
            if (area < 32 * 32) {
                small++;
            }
        }
        assertThat((double) small / gt.annotationCount()).isBetween(0.30, 0.55);
        CocoResult result = CocoEvaluator.evaluate(gt, dt);
        assertThat(result.summary().ap()).isBetween(0.1, 0.9);
        assertThat(result.warnings()).isEmpty();
    }
}
