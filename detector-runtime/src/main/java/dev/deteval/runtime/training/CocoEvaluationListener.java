package dev.deteval.runtime.training;

import ai.djl.Model;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoSummary;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.runtime.inference.Detector;
import dev.deteval.runtime.inference.ImageSource;
import dev.deteval.runtime.model.DetectorModels;
import dev.deteval.runtime.model.DetectorSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DJL training listener that scores the model on a validation set with evaluator-core's COCO evaluator
 * (compat mode, boxes) every {@code every} training batches and after the last one, logs AP50 and
 * AP@[.5:.95], saves the best model so far (by AP@[.5:.95]) in DJL's format, and asks for an early stop
 * after {@code patience} evaluations without a better AP.
 *
 * <p>It counts batches in {@code onTrainingBatch}; a loop that calls {@code Trainer.step()} before notifying
 * listeners (as {@link DetectorTraining} does) gets the score of the updated weights. The validation
 * forward passes run in inference mode outside any gradient collector, in per-batch sub-managers.
 */
public final class CocoEvaluationListener extends TrainingListenerAdapter {

    private final ImageSource images;
    private final GroundTruth groundTruth;
    private final DetectorSpec spec;
    private final int every;
    private final int totalSteps;
    private final int patienceLimit;
    private final Path checkpoint;
    private final ProgressOutput progress;
    private final List<Evaluation> history = new ArrayList<>();
    private int step;
    private Patience patience;
    private Evaluation best;

    /**
     * @param images validation images
     * @param groundTruth their ground truth (same image ids)
     * @param spec the network's shape, saved with each checkpoint
     * @param every batches between evaluations, at least 1
     * @param totalSteps the last batch, which is always evaluated
     * @param patience evaluations without improvement before {@link #stopRequested()}; 0 never asks
     * @param checkpoint folder for the best model (replaced at each improvement), or null for none
     * @param progress where the evaluation lines go
     */
    public CocoEvaluationListener(ImageSource images, GroundTruth groundTruth, DetectorSpec spec, int every,
            int totalSteps, int patience, Path checkpoint, ProgressOutput progress) {
        if (every < 1) {
            throw new IllegalArgumentException("evaluation interval must be at least 1, got " + every);
        }
        this.images = images;
        this.groundTruth = groundTruth;
        this.spec = spec;
        this.every = every;
        this.totalSteps = totalSteps;
        this.patienceLimit = patience;
        this.patience = new Patience(patience);
        this.checkpoint = checkpoint;
        this.progress = progress;
    }

    /**
     * One validation score.
     *
     * @param step training batches done
     * @param ap50 COCO AP at IoU 0.5
     * @param ap COCO AP@[.5:.95]
     */
    public record Evaluation(int step, double ap50, double ap) {
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        step = 0;
        patience = new Patience(patienceLimit);
        best = null;
        history.clear();
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        step++;
        if (step % every == 0 || step == totalSteps) {
            evaluate(trainer.getModel());
        }
    }

    /** Scores the model now and updates the best checkpoint; returns the score. */
    Evaluation evaluate(Model model) {
        Detections detections;
        try (Detector detector = new Detector(model, spec)) {
            detections = detector.detect(images, 64);
        }
        CocoSummary summary = CocoEvaluator.evaluate(groundTruth, detections, CocoParams.defaults()).summary();
        Evaluation evaluation = new Evaluation(step, summary.ap50(), summary.ap());
        history.add(evaluation);
        boolean improved = patience.offer(evaluation.ap());
        if (improved) {
            best = evaluation;
            save(model, evaluation);
        }
        progress.message(String.format(Locale.ROOT, "step %d: validation AP50 %.3f AP %.3f%s", step, evaluation.ap50(),
                evaluation.ap(), improved ? " (best" + (checkpoint == null ? ")" : ", saved)") : ""));
        return evaluation;
    }

    private void save(Model model, Evaluation evaluation) {
        if (checkpoint == null) {
            return;
        }
        try {
            DetectorModels.save(model, spec, checkpoint, Map.of("step", Integer.toString(evaluation.step()),
                    "validationAp50", Double.toString(evaluation.ap50()), "validationAp",
                    Double.toString(evaluation.ap())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint to " + checkpoint + ": " + e.getMessage(), e);
        }
    }

    /** True once {@code patience} evaluations in a row did not beat the best AP. */
    public boolean stopRequested() {
        return patience.stopRequested();
    }

    /** The best evaluation so far, or null before the first. */
    public Evaluation best() {
        return best;
    }

    /** Every evaluation so far, in order. */
    public List<Evaluation> history() {
        return List.copyOf(history);
    }
}
