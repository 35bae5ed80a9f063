package dev.deteval.runtime.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.deteval.eval.data.Detections;
import dev.deteval.runtime.data.SceneGenerator;
import dev.deteval.runtime.data.ShapesConfig;
import dev.deteval.runtime.model.DetectorModels;
import dev.deteval.runtime.model.DetectorSpec;
import dev.deteval.runtime.training.MemoryProbe;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inference on an untrained network: shapes of the output, memory, saving and loading. */
final class DetectorIT {

    private static final DetectorSpec SPEC = new DetectorSpec(4, 16, 64, 64);

    @TempDir
    Path dir;

    private static Model untrained() {
        Engine.getInstance().setRandomSeed(3);
        Model model = DetectorModels.create(SPEC);
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 64, 64));
        return model;
    }

    @Test
    void detect_manyBatches_liveArraysConstant() {
        SceneImages images = new SceneImages(new SceneGenerator(ShapesConfig.DEFAULT, 5), 96);
        try (Model model = untrained()) {
            Detector detector = new Detector(model, SPEC);
            detector.detect(images, 32);
            int before = MemoryProbe.liveArrays(model.getNDManager());
            for (int i = 0; i < 10; i++) {
                detector.detect(images, 32);
            }
            assertThat(MemoryProbe.liveArrays(model.getNDManager())).isEqualTo(before);
        }
    }

    @Test
    void detect_untrainedNetwork_atMostMaxDetectionsPerImageWithValidBoxes() {
        SceneImages images = new SceneImages(new SceneGenerator(ShapesConfig.DEFAULT, 5), 10);
        try (Model model = untrained()) {
            Detections d = new Detector(model, SPEC).detect(images, 4);
            assertThat(d.size()).isLessThanOrEqualTo(10 * Detector.MAX_DETECTIONS);
            double[] boxes = d.boxColumn();
            for (int i = 0; i < d.size(); i++) {
                assertThat(boxes[4 * i + 2]).isPositive();
                assertThat(boxes[4 * i + 3]).isPositive();
                assertThat(d.scoreColumn()[i]).isBetween(Detector.MIN_SCORE, 1.0);
                assertThat(d.categoryIdColumn()[i]).isBetween(1L, 4L);
            }
        }
    }

    @Test
    void load_savedModel_sameOutputs() throws Exception {
        SceneImages images = new SceneImages(new SceneGenerator(ShapesConfig.DEFAULT, 5), 8);
        float[] pixels = new float[8 * 3 * 64 * 64];
        for (int i = 0; i < 8; i++) {
            images.fill(i, pixels, i * 3 * 64 * 64);
        }
        try (Model model = untrained()) {
            float[] before = new Detector(model, SPEC).forward(pixels, 8);
            DetectorModels.save(model, SPEC, dir, Map.of());
            try (DetectorModels.Loaded loaded = DetectorModels.load(dir)) {
                assertThat(loaded.spec()).isEqualTo(SPEC);
                // the same parameters in the same kernels give the same floats
                assertThat(new Detector(loaded.model(), loaded.spec()).forward(pixels, 8)).containsExactly(before);
            }
        }
    }

    @Test
    void detect_imagesOfAnotherSize_oneLineMessage() {
        SceneImages images = new SceneImages(new SceneGenerator(ShapesConfig.DEFAULT.withSize(32, 32), 5), 2);
        try (Model model = untrained()) {
            assertThatThrownBy(() -> new Detector(model, SPEC).detect(images, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("images are 32 x 32 pixels, the model expects 64 x 64");
        }
    }
}
