package dev.deteval.samples;

import dev.deteval.eval.coco.CocoDetectionAccumulator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.report.CocoTextReport;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
        CocoDetectionAccumulator accumulator = new CocoDetectionAccumulator(gt, CocoParams.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (long imageId : gt.sortedImageIds()) {
            pool.submit(() -> accumulator.addAll(model.infer(imageId)));
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("inference did not finish within a minute");
        }
        return accumulator.snapshot();
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
            double[] boxes = recorded.boxColumn();
            for (int i = 0; i < images.length; i++) {
                if (images[i] == imageId) {
                    out.add(imageId, recorded.categoryIdColumn()[i], boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2],
                            boxes[4 * i + 3], recorded.scoreColumn()[i]);
                }
            }
            return out.build();
        }
    }
}
