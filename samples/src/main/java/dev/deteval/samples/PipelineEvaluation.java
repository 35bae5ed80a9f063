package dev.deteval.samples;

import dev.deteval.eval.coco.CocoDetectionAccumulator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.report.CocoTextReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * How a detection pipeline calls deteval while it infers: worker threads each handle some images and
 * hand every image's detections to one {@link CocoDetectionAccumulator}; at the end the pipeline asks
 * for the COCO result. Here the "model" replays detections from a results file, image by image.
 *
 * <p>Run: {@code java -cp … dev.deteval.samples.PipelineEvaluation GT.json RESULTS.json}
 */
public final class PipelineEvaluation {

    private PipelineEvaluation() {
    }

    /** Arguments: ground-truth JSON, results JSON (the stand-in for a model's output). */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: PipelineEvaluation GT.json RESULTS.json");
            System.exit(2);
        }
        CocoResult result = run(Path.of(args[0]), Path.of(args[1]), 4);
        CocoTextReport.summaryLines(result).forEach(System.out::println);
    }

    /** Evaluates with {@code threads} concurrent "inference" workers and returns the result. */
    public static CocoResult run(Path groundTruthFile, Path resultsFile, int threads) throws InterruptedException {
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(groundTruthFile);
        ReplayModel model = new ReplayModel(reader.readResults(resultsFile, gt));
        return run(gt, model::infer, threads);
    }

    /**
     * Runs {@code model} on every image of {@code gt} with {@code threads} workers, feeding one accumulator,
     * and returns the COCO result. A worker's failure (e.g. the model reports an image the ground truth does
     * not have) fails the whole run: a pipeline must not report the AP of the images that happened to work.
     *
     * @param model the detections of one image, by image id
     * @throws IllegalArgumentException or another unchecked exception thrown by a worker, the first in image order
     */
    public static CocoResult run(GroundTruth gt, LongFunction<Detections> model, int threads)
            throws InterruptedException {
        CocoDetectionAccumulator accumulator = new CocoDetectionAccumulator(gt, CocoParams.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (long imageId : gt.sortedImageIds()) {
                work.add(pool.submit(() -> accumulator.addAll(model.apply(imageId))));
            }
            for (Future<?> done : work) {
                awaitWorker(done);
            }
        } finally {
            pool.shutdownNow();
        }
        return accumulator.snapshot();
    }

    private static void awaitWorker(Future<?> done) throws InterruptedException {
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stands in for a detector: returns the recorded detections of an image, in recorded order. */
    static final class ReplayModel {
        private final Detections recorded;

        ReplayModel(Detections recorded) {
            this.recorded = recorded;
        }

        Detections infer(long imageId) {
            Detections.Builder out = Detections.builder();
            long[] images = recorded.imageIdColumn();
            long[] categories = recorded.categoryIdColumn();
            double[] boxes = recorded.boxColumn();
            double[] scores = recorded.scoreColumn();
            for (int i = 0; i < images.length; i++) {
                if (images[i] == imageId) {
                    out.add(imageId, categories[i], boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2],
                            boxes[4 * i + 3], scores[i]);
                }
            }
            return out.build();
        }
    }
}
