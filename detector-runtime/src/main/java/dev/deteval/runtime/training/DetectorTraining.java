package dev.deteval.runtime.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListener.BatchData;
import ai.djl.translate.TranslateException;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.runtime.data.SceneGenerator;
import dev.deteval.runtime.data.ShapeKind;
import dev.deteval.runtime.data.ShapesConfig;
import dev.deteval.runtime.data.ShapesDataset;
import dev.deteval.runtime.data.ShapesGroundTruth;
import dev.deteval.runtime.inference.SceneImages;
import dev.deteval.runtime.model.CenterTargets;
import dev.deteval.runtime.model.DetectorLoss;
import dev.deteval.runtime.model.DetectorModels;
import dev.deteval.runtime.model.DetectorSpec;
import dev.deteval.runtime.model.GridLayout;
import dev.deteval.runtime.optim.Adam;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains the detector from scratch on fresh synthetic images (every step draws new ones, so there is no
 * epoch and no overfitting to a fixed set) and keeps the best validation checkpoint.
 *
 * <p>Pieces: {@link ShapesDataset} with {@link CenterTargets} labels (drawn on one background thread while
 * the engine computes), {@link DetectorLoss}, this module's {@link Adam} with decoupled weight decay,
 * {@link WarmupCosine} learning rate, and a {@link CocoEvaluationListener}. Each step: forward, loss and
 * backward inside a gradient collector, {@code Trainer.step()}, then the listeners. The heatmap bias starts
 * at −2.19 (σ = 0.1, CenterNet's prior), so the first steps are not spent pushing every cell down.
 *
 * <p>Validation images use seed {@code seed + 1_000_003}, training images seed {@code seed}; the engine's
 * random seed (weight initialisation) is {@code seed} too. With one engine thread a run is repeatable.
 */
public final class DetectorTraining {

    /** Added to the recipe's seed for the validation images. */
    public static final long VALIDATION_SEED_OFFSET = 1_000_003L;
    /** Batches drawn ahead of the one being trained on. */
    private static final int PREFETCH_BATCHES = 4;
    private static final float HEAT_PRIOR = -2.19f;

    private final TrainingRecipe recipe;
    private final ShapesConfig config;
    private final ProgressOutput progress;
    private int memoryEvery;

    /**
     * @param recipe the run's settings
     * @param config the images (the model's input size is theirs)
     * @param progress where progress and evaluations are printed
     */
    public DetectorTraining(TrainingRecipe recipe, ShapesConfig config, ProgressOutput progress) {
        this.recipe = recipe;
        this.config = config;
        this.progress = progress;
    }

    /**
     * Prints a {@link MemoryProbe} line (live NDArrays under the model's manager, RSS) every
     * {@code steps} steps; 0, the default, never.
     *
     * @return this
     */
    public DetectorTraining optMemoryReport(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("memory report interval must not be negative, got " + steps);
        }
        this.memoryEvery = steps;
        return this;
    }

    /**
     * What a run did.
     *
     * @param steps steps trained (fewer than planned after an early stop)
     * @param seconds wall-clock seconds of the run, validation included
     * @param cpuSeconds CPU seconds of the training thread (forward, backward, updates, validation: with one
     *     engine thread, PyTorch computes on the calling thread)
     * @param loaderCpuSeconds CPU seconds of the thread that draws the training images
     * @param best the best validation score (the saved model)
     * @param history every validation score
     */
    public record Outcome(int steps, double seconds, double cpuSeconds, double loaderCpuSeconds,
            CocoEvaluationListener.Evaluation best, List<CocoEvaluationListener.Evaluation> history) {
    }

    /**
     * Trains and saves the best model.
     *
     * @param out model folder for the best checkpoint, or null to keep nothing
     */
    public Outcome run(Path out, TrainingListener... extraListeners) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        Engine.getInstance().setRandomSeed((int) recipe.seed());
        DetectorSpec spec = new DetectorSpec(ShapeKind.all().size(), recipe.width(), config.width(), config.height());
        CocoEvaluationListener listener = validationListener(spec, out);
        WarmupCosine learningRate = new WarmupCosine(recipe.learningRate(), recipe.warmupSteps(), recipe.steps());
        DefaultTrainingConfig training = trainingConfig(spec.layout(), learningRate).addTrainingListeners(listener)
                .addTrainingListeners(extraListeners);
        Thread[] loaderThread = new Thread[1];
        ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
            loaderThread[0] = new Thread(r, "shapes-loader");
            loaderThread[0].setDaemon(true);
            return loaderThread[0];
        });
        try (Model model = DetectorModels.create(spec); Trainer trainer = model.newTrainer(training);
                NDManager batches = NDManager.newBaseManager(trainer.getDevices()[0])) {
            trainer.initialize(new Shape(recipe.batchSize(), 3, config.height(), config.width()));
            setHeatPrior(model, spec.classes());
            int steps = trainAll(model, trainer, trainingImages(spec.layout()).getData(batches, loader), listener,
                    learningRate);
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double loaderCpu = loaderThread[0] == null ? 0 : threads.getThreadCpuTime(loaderThread[0].getId()) / 1e9;
            return new Outcome(steps, progress.elapsedSeconds(), cpu, loaderCpu, listener.best(), listener.history());
        } catch (TranslateException e) {
            throw new IllegalStateException("cannot draw training images: " + e.getMessage(), e);
        } finally {
            loader.shutdownNow();
        }
    }

    /**
     * The training loop. Batches (and what a step computes from them) live under their own manager, not the
     * model's: the model's live-array count then does not move with how many batches the loader has drawn ahead.
     *
     * @return the steps trained
     */
    private int trainAll(Model model, Trainer trainer, Iterable<Batch> batches, CocoEvaluationListener listener,
            WarmupCosine learningRate) {
        int step = 0;
        for (Batch batch : batches) {
            try (batch) {
                float loss = trainStep(trainer, batch);
                step++;
                progress.step(step, recipe.steps(), loss, learningRate.getNewValue(step));
                if (memoryEvery > 0 && step % memoryEvery == 0) {
                    progress.message(MemoryProbe.line(step, model.getNDManager()));
                }
            }
            if (listener.stopRequested()) {
                progress.message("early stop after step " + step + ": no better AP in " + recipe.patience()
                        + " evaluations");
                break;
            }
        }
        return step;
    }

    private CocoEvaluationListener validationListener(DetectorSpec spec, Path out) {
        SceneGenerator validation = new SceneGenerator(config, recipe.seed() + VALIDATION_SEED_OFFSET);
        GroundTruth truth = ShapesGroundTruth.of(validation, recipe.validationImages());
        return new CocoEvaluationListener(new SceneImages(validation, recipe.validationImages()), truth, spec,
                recipe.evaluateEvery(), recipe.steps(), recipe.patience(), out, progress);
    }

    private DefaultTrainingConfig trainingConfig(GridLayout layout, WarmupCosine learningRate) {
        Adam adam = Adam.builder(recipe.learningRate()).optLearningRateTracker(learningRate)
                .optDecoupledWeightDecay(recipe.weightDecay()).build();
        return new DefaultTrainingConfig(new DetectorLoss(layout, recipe.giouWeight(), recipe.l1Weight()))
                .optOptimizer(adam);
    }

    /** {@code steps × batchSize} fresh images with {@link CenterTargets} labels, in order. */
    private ShapesDataset trainingImages(GridLayout layout) {
        return ShapesDataset.builder((long) recipe.steps() * recipe.batchSize(), recipe.seed()).optConfig(config)
                .optLabels(new CenterTargets(layout, 1)).setSampling(recipe.batchSize(), false)
                .optPrefetchNumber(PREFETCH_BATCHES).build();
    }

    private static float trainStep(Trainer trainer, Batch batch) {
        float value;
        NDList labels = batch.getLabels();
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(batch.getData(), labels);
            NDArray loss = trainer.getLoss().evaluate(labels, predictions);
            collector.backward(loss);
            value = loss.getFloat();
        }
        trainer.step();
        BatchData data = new BatchData(batch, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        trainer.notifyListeners(listener -> listener.onTrainingBatch(trainer, data));
        return value;
    }

    /** Sets the bias of the heatmap channels of the last layer to the prior logit. */
    private static void setHeatPrior(Model model, int classes) {
        List<Parameter> parameters = model.getBlock().getParameters().values();
        Parameter bias = parameters.get(parameters.size() - 1);
        if (!bias.getName().endsWith("bias")) {
            throw new IllegalStateException("the network's last parameter is " + bias.getName() + ", not a bias");
        }
        bias.getArray().set(new NDIndex("0:" + classes), HEAT_PRIOR);
    }
}
