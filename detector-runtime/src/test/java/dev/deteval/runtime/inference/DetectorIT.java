package dev.deteval.runtime.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
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
            int atStart = MemoryProbe.liveArrays(model.getNDManager());
            try (Detector detector = new Detector(model, SPEC)) {
                detector.detect(images, 32);
                int before = MemoryProbe.liveArrays(model.getNDManager());
                for (int i = 0; i < 10; i++) {
                    detector.detect(images, 32);
                }
                assertThat(MemoryProbe.liveArrays(model.getNDManager())).isEqualTo(before);
            }
            // closing the detector frees its folded weights and nothing of the model
            assertThat(MemoryProbe.liveArrays(model.getNDManager())).isEqualTo(atStart);
        }
    }

    @Test
    void detect_untrainedNetwork_atMostMaxDetectionsPerImageWithValidBoxes() {
        SceneImages images = new SceneImages(new SceneGenerator(ShapesConfig.DEFAULT, 5), 10);
        try (Model model = untrained(); Detector detector = new Detector(model, SPEC)) {
            Detections d = detector.detect(images, 4);
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
        try (Model model = untrained(); Detector detector = new Detector(model, SPEC)) {
            float[] before = detector.forward(pixels, 8);
            DetectorModels.save(model, SPEC, dir, Map.of());
            try (DetectorModels.Loaded loaded = DetectorModels.load(dir);
                    Detector reloaded = new Detector(loaded.model(), loaded.spec())) {
                assertThat(loaded.spec()).isEqualTo(SPEC);
                // the same parameters in the same kernels give the same floats
                assertThat(reloaded.forward(pixels, 8)).containsExactly(before);
            }
        }
    }

    @Test
    void forward_foldedBatchNorm_matchesTheUnfoldedNetworkInInferenceMode() {
        SceneImages images = new SceneImages(new SceneGenerator(ShapesConfig.DEFAULT, 6), 4);
        float[] pixels = new float[4 * 3 * 64 * 64];
        for (int i = 0; i < 4; i++) {
            images.fill(i, pixels, i * 3 * 64 * 64);
        }
        try (Model model = untrained(); NDManager scope = model.getNDManager().newSubManager()) {
            // move the running statistics away from (0, 1) so that folding has something to fold
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                if (p.getKey().endsWith("runningMean") || p.getKey().endsWith("runningVar")) {
                    NDArray a = p.getValue().getArray();
                    a.addi(0.5f);
                }
            }
            NDArray x = scope.create(pixels, new Shape(4, 3, 64, 64));
            float[] plain = model.getBlock().forward(new ParameterStore(scope, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            float[] folded;
            try (Detector detector = new Detector(model, SPEC)) {
                folded = detector.forward(pixels, 4);
            }
            // float32: folding reorders a multiply-add per layer; six layers of outputs of order 1 to 10 stay
            // within 1e-3 of each other (measured differences are about 1e-5)
            for (int i = 0; i < plain.length; i++) {
                assertThat((double) folded[i]).isCloseTo(plain[i], within(1e-3));
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
