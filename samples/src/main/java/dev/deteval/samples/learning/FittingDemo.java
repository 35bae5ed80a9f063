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
import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Underfitting versus overfitting on a small synthetic set, and what regularization does to the gap
 * between training and validation accuracy.
 *
 * <p>Data (seeded): {@value #FEATURES} standard-normal features, of which only the first two matter:
 * the class is 1 inside the circle x₀² + x₁² &lt; 1.386 (the median radius², so the classes are
 * balanced) and 0 outside; {@value #TRAIN} training and {@value #VALIDATION} validation samples. Three
 * models are trained full-batch with Adam (η = 0.01, {@value #STEPS} steps) on softmax cross-entropy:
 * a linear classifier (cannot draw a circle: underfits), an MLP 64-64 with ReLU (memorizes the few
 * training points and their noise dimensions: overfits), the same MLP with batch norm, dropout 0.5
 * and decoupled weight decay λ = 1 (a smaller gap, better validation accuracy) and with λ = 2 (too much:
 * it underfits again). Accuracy is measured in inference mode (no dropout, batch-norm running
 * statistics).
 *
 * <p>Run: {@code mvn -B -q -pl samples exec:java -Dexec.mainClass=dev.deteval.samples.learning.FittingDemo}
 */
public final class FittingDemo {

    static final int FEATURES = 12;
    static final int TRAIN = 80;
    static final int VALIDATION = 1000;
    static final int STEPS = 400;
    private static final float RADIUS_SQUARED = 1.386f;

    private FittingDemo() {}

    /** Training and validation accuracy of one model. */
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
    }

    /**
     * Trains the three models and prints their accuracies.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Trains the linear model, the plain MLP, the regularized MLP and an over-regularized one; returns
     * their fits in that order.
     */
    static List<Fit> run(PrintStream out) {
        Data train = data(new Random(1), TRAIN);
        Data validation = data(new Random(2), VALIDATION);
        Progress progress = Progress.of("training", 4 * STEPS);
        Fit linear = fit("linear (underfits)", FittingDemo::linear, Adam.builder(0.01f).build(), train,
                validation, progress, 0);
        Fit plain = fit("MLP 64-64", FittingDemo::mlp, Adam.builder(0.01f).build(), train, validation, progress,
                STEPS);
        Fit regularized = fit("MLP 64-64 + BN, dropout 0.5, weight decay 1", FittingDemo::regularizedMlp,
                Adam.builder(0.01f).optDecoupledWeightDecay(1f).build(), train, validation, progress, 2 * STEPS);
        Fit overRegularized = fit("same, weight decay 2 (underfits again)", FittingDemo::regularizedMlp,
                Adam.builder(0.01f).optDecoupledWeightDecay(2f).build(), train, validation, progress, 3 * STEPS);
        List<Fit> fits = List.of(linear, plain, regularized, overRegularized);
        out.printf("%d training and %d validation samples, %d features (2 informative), %d full-batch Adam steps%n",
                TRAIN, VALIDATION, FEATURES, STEPS);
        out.printf("%-48s %6s %6s %6s%n", "model", "train", "valid", "gap");
        for (Fit f : fits) {
            out.printf("%-48s %6.3f %6.3f %6.3f%n", f.model(), f.trainAccuracy(), f.validationAccuracy(), f.gap());
        }
        out.println("The linear model is poor on both sets (underfitting); the plain MLP is perfect on the"
                + " training set but much worse on validation (overfitting); regularization narrows that gap and"
                + " raises validation accuracy, until too much of it underfits again.");
        return fits;
    }

    /** n samples: standard-normal features, label 1 inside the circle x₀² + x₁² &lt; 1.386. */
    static Data data(Random random, int n) {
        float[] x = new float[n * FEATURES];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = (float) random.nextGaussian();
            }
            float r2 = x[i * FEATURES] * x[i * FEATURES] + x[i * FEATURES + 1] * x[i * FEATURES + 1];
            y[i] = r2 < RADIUS_SQUARED ? 1f : 0f;
        }
        return new Data(x, y);
    }

    private static Block linear() {
        return Linear.builder().setUnits(2).build();
    }

    private static Block mlp() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(64).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(64).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(2).build());
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
                .add(Linear.builder().setUnits(2).build());
    }

    private static Fit fit(String name, Supplier<Block> block, Optimizer optimizer, Data train, Data validation,
            Progress progress, int doneBefore) {
        Engine.getInstance().setRandomSeed(7);
        try (Model model = Model.newInstance(name)) {
            model.setBlock(block.get());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(TRAIN, FEATURES));
                NDManager manager = trainer.getManager();
                NDArray x = manager.create(train.features(), new Shape(train.size(), FEATURES));
                NDArray y = manager.create(train.labels());
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
                return new Fit(name, accuracy(trainer, train), accuracy(trainer, validation));
            }
        }
    }

    private static float accuracy(Trainer trainer, Data data) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = scope.create(data.features(), new Shape(data.size(), FEATURES));
            NDArray predicted = trainer.evaluate(new NDList(x)).singletonOrThrow().argMax(1);
            NDArray truth = scope.create(data.labels()).toType(DataType.INT64, false);
            return predicted.eq(truth).toType(DataType.FLOAT32, false).mean().getFloat();
        }
    }
}
