package dev.deteval.samples.learning;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.deteval.runtime.optim.Adam;
import dev.deteval.runtime.regularization.PenalizedLoss;
import dev.deteval.runtime.regularization.Penalty;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Underfitting versus overfitting on a small synthetic set, and what regularization does to the gap
 * between training and validation accuracy.
 *
 * <p>Data (seeded): {@value #FEATURES} standard-normal features, of which only the first two matter:
 * the class is 1 inside the circle x₀² + x₁² &lt; 1.386 (the median radius², so the classes are
 * balanced) and 0 outside. {@value #TRAIN} training samples, of which a share of {@value #LABEL_NOISE} has
 * its label flipped, and {@value #VALIDATION} validation samples with clean labels. A rule that knows the
 * circle therefore scores about 0.8 on the training labels and 1.0 on validation; a training accuracy far
 * above 0.8 means the model has memorized flipped labels.
 *
 * <p>Every model is a single logit trained full-batch with Adam (η = 0.01, {@value #STEPS} steps) on
 * sigmoid binary cross-entropy, and every row is the mean of {@value #SEEDS} initialization seeds, so no
 * single seed (or a floating-point kernel that rounds differently) decides what a row shows:
 * <ol>
 *   <li>a linear classifier: cannot draw a circle, poor on both sets (underfits);
 *   <li>an MLP 64-64 with ReLU: fits the flipped labels too (train 1.0), far worse on validation (overfits);
 *   <li>the same MLP with an L2 penalty λ/2·Σw² of λ = {@value #L2_GOOD}: training accuracy falls to the noise
 *       ceiling, validation rises, the gap nearly closes;
 *   <li>λ = {@value #L2_TOO_MUCH}: the penalty outweighs the data, every weight goes to zero and the model
 *       predicts the majority class everywhere (underfits again);
 *   <li>the MLP with batch norm, dropout 0.5 and decoupled weight decay 1, regularization by other means.
 * </ol>
 * The over-regularized row uses an L2 penalty on a network without batch norm on purpose: a weight that
 * feeds batch norm can shrink without changing the output, so weight decay there mostly changes the step
 * size, and "more of it" does not reliably underfit (an earlier version of this demo showed that, and the
 * row flipped with the CPU's vector kernels). Accuracy is measured in inference mode (no dropout,
 * batch-norm running statistics); a logit above 0 predicts class 1.
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.FittingDemo}
 */
public final class FittingDemo {

    static final int FEATURES = 6;
    static final int TRAIN = 200;
    static final int VALIDATION = 1000;
    static final int STEPS = 400;
    static final int SEEDS = 5;
    static final float LABEL_NOISE = 0.2f;
    static final float L2_GOOD = 0.03f;
    static final float L2_TOO_MUCH = 0.3f;
    private static final float RADIUS_SQUARED = 1.386f;
    private static final float LEARNING_RATE = 0.01f;

    private FittingDemo() {}

    /**
     * Training and validation accuracy of one model, each the mean over {@value #SEEDS} seeds.
     *
     * @param model the row's label
     * @param trainAccuracy mean accuracy on the (noisy) training labels, in [0, 1]
     * @param validationAccuracy mean accuracy on the clean validation labels, in [0, 1]
     */
    record Fit(String model, float trainAccuracy, float validationAccuracy) {
        float gap() {
            return trainAccuracy - validationAccuracy;
        }
    }

    /** Features (n × {@value #FEATURES}, row-major) and 0/1 labels. */
    record Data(float[] features, float[] labels) {
        int size() {
            return labels.length;
        }

        /** The share of labels that are 0, the accuracy of a model that always says 0. */
        float negativeShare() {
            int negatives = 0;
            for (float label : labels) {
                negatives += label == 0f ? 1 : 0;
            }
            return (float) negatives / labels.length;
        }
    }

    /** One row of the table: how to build the network, its optimizer and its loss. */
    private record Recipe(String name, Supplier<Block> block, Supplier<Optimizer> optimizer, float l2) {}

    /**
     * Trains the models and prints their accuracies.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Trains the linear model, the plain MLP, the MLP with a good and with too strong an L2 penalty, and
     * the MLP with batch norm, dropout and weight decay; returns their fits in that order.
     */
    static List<Fit> run(PrintStream out) {
        Data train = data(new Random(1), TRAIN, LABEL_NOISE);
        Data validation = data(new Random(2), VALIDATION, 0f);
        Supplier<Optimizer> adam = () -> Adam.builder(LEARNING_RATE).build();
        List<Recipe> recipes = List.of(
                new Recipe("linear (underfits)", FittingDemo::linear, adam, 0f),
                new Recipe("MLP 64-64 (overfits)", FittingDemo::mlp, adam, 0f),
                new Recipe("MLP 64-64 + L2 " + L2_GOOD, FittingDemo::mlp, adam, L2_GOOD),
                new Recipe("MLP 64-64 + L2 " + L2_TOO_MUCH + " (underfits again)", FittingDemo::mlp, adam, L2_TOO_MUCH),
                new Recipe("MLP 64-64 + BN, dropout 0.5, weight decay 1", FittingDemo::regularizedMlp,
                        () -> Adam.builder(LEARNING_RATE).optDecoupledWeightDecay(1f).build(), 0f));
        Progress progress = Progress.of("training", recipes.size() * SEEDS * STEPS);
        List<Fit> fits = new ArrayList<>();
        for (Recipe recipe : recipes) {
            fits.add(fit(recipe, train, validation, progress, fits.size() * SEEDS * STEPS));
        }
        out.printf("%d training samples (%.0f %% of labels flipped), %d validation samples (clean), %d features"
                + " (2 informative), %d full-batch Adam steps, mean of %d seeds%n", TRAIN, 100 * LABEL_NOISE,
                VALIDATION, FEATURES, STEPS, SEEDS);
        out.printf("%-48s %6s %6s %6s%n", "model", "train", "valid", "gap");
        for (Fit f : fits) {
            out.printf("%-48s %6.3f %6.3f %6.3f%n", f.model(), f.trainAccuracy(), f.validationAccuracy(), f.gap());
        }
        out.printf("Always answering 0 scores %.3f on the training labels.%n", train.negativeShare());
        out.println("The linear model is poor on both sets (underfitting); the plain MLP also learns the flipped"
                + " labels and is much worse on validation (overfitting); a moderate L2 penalty closes that gap and"
                + " raises validation accuracy; ten times more collapses the network to one answer (underfitting"
                + " again).");
        return fits;
    }

    /**
     * n samples: standard-normal features, label 1 inside the circle x₀² + x₁² &lt; 1.386, then each label
     * flipped with probability {@code noise}.
     */
    static Data data(Random random, int n, float noise) {
        float[] x = new float[n * FEATURES];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = (float) random.nextGaussian();
            }
            float r2 = x[i * FEATURES] * x[i * FEATURES] + x[i * FEATURES + 1] * x[i * FEATURES + 1];
            y[i] = r2 < RADIUS_SQUARED ? 1f : 0f;
            if (random.nextFloat() < noise) {
                y[i] = 1f - y[i];
            }
        }
        return new Data(x, y);
    }

    private static Block linear() {
        return Linear.builder().setUnits(1).build();
    }

    private static Block mlp() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(64).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(64).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(1).build());
    }

    private static Block regularizedMlp() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(64).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.5f).build())
                .add(Linear.builder().setUnits(64).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.5f).build())
                .add(Linear.builder().setUnits(1).build());
    }

    private static Fit fit(Recipe recipe, Data train, Data validation, Progress progress, int doneBefore) {
        float trainSum = 0;
        float validationSum = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            float[] accuracies = fitOnce(recipe, seed, train, validation, progress, doneBefore + seed * STEPS);
            trainSum += accuracies[0];
            validationSum += accuracies[1];
        }
        return new Fit(recipe.name(), trainSum / SEEDS, validationSum / SEEDS);
    }

    /** Trains one network from one seed; returns {train accuracy, validation accuracy}. */
    private static float[] fitOnce(Recipe recipe, int seed, Data train, Data validation, Progress progress,
            int doneBefore) {
        Engine.getInstance().setRandomSeed(7 + seed);
        try (Model model = Model.newInstance(recipe.name())) {
            Block block = recipe.block().get();
            model.setBlock(block);
            Loss loss = Loss.sigmoidBinaryCrossEntropyLoss();
            if (recipe.l2() > 0f) {
                loss = new PenalizedLoss(loss, block, Penalty.l2(recipe.l2()));
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(recipe.optimizer().get());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(TRAIN, FEATURES));
                NDManager manager = trainer.getManager();
                NDArray x = manager.create(train.features(), new Shape(train.size(), FEATURES));
                NDArray y = manager.create(train.labels(), new Shape(train.size(), 1));
                for (int step = 0; step < STEPS; step++) {
                    try (NDManager scope = manager.newSubManager()) {
                        scope.tempAttachAll(x, y);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                            collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(logits)));
                        }
                        trainer.step();
                    }
                    progress.update(doneBefore + step + 1);
                }
                return new float[] {accuracy(trainer, train), accuracy(trainer, validation)};
            }
        }
    }

    private static float accuracy(Trainer trainer, Data data) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = scope.create(data.features(), new Shape(data.size(), FEATURES));
            NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow().reshape(-1);
            NDArray predicted = logits.gt(0f).toType(DataType.FLOAT32, false);
            NDArray truth = scope.create(data.labels());
            return predicted.eq(truth).toType(DataType.FLOAT32, false).mean().getFloat();
        }
    }
}
