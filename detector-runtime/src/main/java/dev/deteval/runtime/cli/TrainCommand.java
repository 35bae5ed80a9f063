package dev.deteval.runtime.cli;

import dev.deteval.runtime.data.ShapesConfig;
import dev.deteval.runtime.training.DetectorTraining;
import dev.deteval.runtime.training.ProgressOutput;
import dev.deteval.runtime.training.TrainingRecipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains the detector from scratch on synthetic shapes and saves the best checkpoint. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the shapes detector from scratch and saves the best validation checkpoint",
            "(DJL model format: MODEL_DIR/detector-0000.params and MODEL_DIR/detector.properties).",
            "Defaults are the benchmark recipe (docs/detector.md). Validation AP50 and AP are printed",
            "every --evaluate-every steps; a progress bar on a terminal, plain lines otherwise."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Model folder (created).")
    Path out;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps (default ${DEFAULT-VALUE}).")
    int steps = TrainingRecipe.DEFAULT.steps();

    @Option(names = "--batch", paramLabel = "B", description = "Images per step (default ${DEFAULT-VALUE}).")
    int batch = TrainingRecipe.DEFAULT.batchSize();

    @Option(names = "--seed", paramLabel = "S", description = "Seed of images and weights (default ${DEFAULT-VALUE}).")
    long seed = TrainingRecipe.DEFAULT.seed();

    @Option(names = "--threads", paramLabel = "T", description = "Engine threads (default 1).")
    Integer threads;

    @Option(names = "--evaluate-every", paramLabel = "N",
            description = "Steps between validation runs (default ${DEFAULT-VALUE}).")
    int evaluateEvery = TrainingRecipe.DEFAULT.evaluateEvery();

    @Option(names = "--patience", paramLabel = "P",
            description = "Stop after P validation runs without a better AP; 0 never stops (default ${DEFAULT-VALUE}).")
    int patience = TrainingRecipe.DEFAULT.patience();

    @Option(names = "--lr", paramLabel = "ETA", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
    float learningRate = TrainingRecipe.DEFAULT.learningRate();

    @Option(names = "--width", paramLabel = "C", description = "Channels of the stride-4 layers (default ${DEFAULT-VALUE}).")
    int width = TrainingRecipe.DEFAULT.width();

    @Option(names = "--giou-weight", paramLabel = "W", description = "GIoU loss weight (default ${DEFAULT-VALUE}).")
    float giouWeight = TrainingRecipe.DEFAULT.giouWeight();

    @Option(names = "--l1-weight", paramLabel = "W", description = "Smooth-L1 loss weight (default ${DEFAULT-VALUE}).")
    float l1Weight = TrainingRecipe.DEFAULT.l1Weight();

    @Option(names = "--memory-every", paramLabel = "N",
            description = "Print live NDArrays and RSS every N steps; 0 never (default ${DEFAULT-VALUE}).")
    int memoryEvery;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        if (steps < 1 || batch < 1 || evaluateEvery < 1 || patience < 0) {
            throw new IllegalArgumentException("--steps, --batch and --evaluate-every must be at least 1, "
                    + "--patience at least 0");
        }
        EngineSettings.threads(threads);
        TrainingRecipe recipe = TrainingRecipe.DEFAULT.withSteps(steps).withSeed(seed).withBatchSize(batch)
                .withValidation(Math.min(evaluateEvery, steps), TrainingRecipe.DEFAULT.validationImages(), patience)
                .withModel(learningRate, width, giouWeight, l1Weight);
        DetectorTraining.Outcome outcome = new DetectorTraining(recipe, ShapesConfig.DEFAULT, ProgressOutput.standard())
                .optMemoryReport(memoryEvery).run(out);
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "trained %d steps in %.1f s (training thread %.1f s CPU, image thread %.1f s CPU); "
                        + "best validation AP50 %.3f AP %.3f (step %d), saved to %s",
                outcome.steps(), outcome.seconds(), outcome.cpuSeconds(), outcome.loaderCpuSeconds(),
                outcome.best().ap50(), outcome.best().ap(), outcome.best().step(), out));
        return 0;
    }
}
