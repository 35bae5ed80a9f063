package dev.deteval.bench;

import dev.deteval.eval.geometry.Iou;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * IoU matrix of n detections against n ground truths with COCO's arithmetic.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar IouBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IouBenchmark {

    @Param({"10", "100"})
    int n;

    double[] boxes;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        boxes = new double[4 * n];
        for (int i = 0; i < n; i++) {
            boxes[4 * i] = random.nextDouble(0, 500);
            boxes[4 * i + 1] = random.nextDouble(0, 500);
            boxes[4 * i + 2] = random.nextDouble(1, 200);
            boxes[4 * i + 3] = random.nextDouble(1, 200);
        }
    }

    @Benchmark
    public double matrix() {
        double sum = 0;
        for (int d = 0; d < n; d++) {
            for (int g = 0; g < n; g++) {
                sum += Iou.xywh(boxes[4 * d], boxes[4 * d + 1], boxes[4 * d + 2], boxes[4 * d + 3], boxes[4 * g],
                        boxes[4 * g + 1], boxes[4 * g + 2], boxes[4 * g + 3], false);
            }
        }
        return sum;
    }
}
