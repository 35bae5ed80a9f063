package dev.deteval.eval.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.Frequency;
import dev.deteval.eval.coco.LvisEvaluator;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.io.LvisJsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SyntheticLvisTest {

    @Test
    void write_sameSeed_givesSameBytes(@TempDir Path dir) throws Exception {
        new SyntheticLvis(30, 5).write(dir.resolve("a"));
        new SyntheticLvis(30, 5).write(dir.resolve("b"));
        assertThat(Files.readAllBytes(dir.resolve("a/instances.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/instances.json")));
        assertThat(Files.readAllBytes(dir.resolve("a/detections.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/detections.json")));
    }

    @Test
    void write_100Images_hasLvisShape(@TempDir Path dir) {
        SyntheticCoco.Written w = new SyntheticLvis(100, 3).write(dir);
        LvisJsonReader.Inputs in = new LvisJsonReader().readBoth(dir.resolve("instances.json"),
                dir.resolve("detections.json"));

        assertThat(in.groundTruth().groundTruth().categories()).hasSize(405 + 461 + 337);
        assertThat(in.groundTruth().frequency(1)).isEqualTo(Frequency.FREQUENT);
        assertThat(in.groundTruth().frequency(1203)).isEqualTo(Frequency.RARE);
        // 300 detections per image, 20 more on images 0, 10, …, 90
        assertThat(w.detections()).isEqualTo(100 * 300 + 10 * 20);
        // Poisson(12.4) objects per image: the mean of 100 draws lies well within 11..14
        assertThat(w.annotations() / 100.0).isBetween(11.0, 14.0);
        LvisResult r = LvisEvaluator.evaluate(in.groundTruth(), in.detections());
        assertThat(r.counts().keptByCap()).isEqualTo(100 * 300);
        assertThat(r.stat("AP")).isBetween(0.1, 0.9);
    }
}
