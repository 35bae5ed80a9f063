package dev.deteval.samples.learning;

import static dev.deteval.samples.learning.Tolerances.FEW_FLOAT32_OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class LossTableIT {

    @Test
    void print_workshopPredictions_printsTheTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        LossTable.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // the printed values (0.3333, 0.2533, 0.7067, 0.3757, 1.0567) are at least 6.7e-4 from a rounding
        // boundary of two decimals, thousands of times their float32 error; the arg-max rows have no ties

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsSequence(
                "                          NN1    NN2",
                "classification error     0.33   0.33",
                "mean squared error       0.25   0.71",
                "cross-entropy            0.38   1.06");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("-ln 0.1 = 2.30");
    }

    @Test
    void print_workshopPredictions_scoresFromTheirDefinitions() {
        LossTable.Scores[] scores = LossTable.print(new PrintStream(new ByteArrayOutputStream()));

        assertThat(scores[0].classificationError()).isCloseTo(1f / 3, within((float) FEW_FLOAT32_OPS));
        assertThat(scores[1].classificationError()).isCloseTo(1f / 3, within((float) FEW_FLOAT32_OPS));
        // per row Σ_classes (t − p)²: NN1 0.02, 0.02, 0.72; NN2 0.32, 0.18, 1.62
        assertThat(scores[0].meanSquaredError()).isCloseTo((0.02f + 0.02f + 0.72f) / 3, within((float) FEW_FLOAT32_OPS));
        assertThat(scores[1].meanSquaredError()).isCloseTo((0.32f + 0.18f + 1.62f) / 3, within((float) FEW_FLOAT32_OPS));
        assertThat(scores[0].crossEntropy())
                .isCloseTo((float) (-(Math.log(0.9) + Math.log(0.9) + Math.log(0.4)) / 3), within((float) FEW_FLOAT32_OPS));
        assertThat(scores[1].crossEntropy())
                .isCloseTo((float) (-(Math.log(0.6) + Math.log(0.7) + Math.log(0.1)) / 3), within((float) FEW_FLOAT32_OPS));
    }
}
