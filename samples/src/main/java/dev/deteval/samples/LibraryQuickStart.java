package dev.deteval.samples;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import java.nio.file.Path;

/**
 * The README's library example as a program, so the example is compiled and run by the build
 * ({@code LibraryQuickStartTest} checks that the README shows exactly this code).
 *
 * <p>Run: {@code java -cp … dev.deteval.samples.LibraryQuickStart GT.json RESULTS.json}
 */
public final class LibraryQuickStart {

    private LibraryQuickStart() {
    }

    /**
     * Arguments: ground-truth JSON, results JSON.
     *
     * @param args the two files
     */
    public static void main(String[] args) {
        System.out.println(ap(Path.of(args[0]), Path.of(args[1])));
    }

    /** AP@[.50:.95] of a results file, as pycocotools' {@code stats[0]}. */
    static double ap(Path groundTruthFile, Path resultsFile) {
        // README begin
        CocoJsonReader reader = new CocoJsonReader();
        GroundTruth gt = reader.readGroundTruth(groundTruthFile);
        Detections dt = reader.readResults(resultsFile, gt);
        CocoResult result = CocoEvaluator.evaluate(gt, dt, CocoParams.defaults());
        double ap = result.summary().ap();          // AP@[.50:.95], as pycocotools' stats[0]
        // README end
        return ap;
    }
}
