package dev.deteval.eval.coco;

import dev.deteval.eval.io.LvisJsonReader;
import dev.deteval.eval.synth.SyntheticLvis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An LVIS bbox evaluation on data of LVIS v1 val's shape ({@code deteval synth --lvis}, seed 1: 1,203
 * categories, 300 detections per image, 320 on every tenth) beside a COCO evaluation of the same
 * inputs: parse (both files), select (the per-image cap and the federated filters), the whole
 * {@link LvisEvaluator#evaluate} call, and {@link CocoEvaluator#evaluate} with pycocotools' defaults on
 * the same ground truth and detections.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LvisPhaseBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class LvisPhaseBenchmark {

    @Param({"5000", "20000"})
    int images;

    Path dir;
    LvisJsonReader.Inputs inputs;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("deteval-bench-lvis-");
        new SyntheticLvis(images, 1).write(dir);
        inputs = parse();
    }

    @Benchmark
    public LvisJsonReader.Inputs parse() {
        return new LvisJsonReader().readBoth(dir.resolve("instances.json"), dir.resolve("detections.json"));
    }

    @Benchmark
    public LvisSelection select() {
        LvisGroundTruth gt = inputs.groundTruth();
        long[] categories = gt.groundTruth().categories().stream().mapToLong(c -> c.id()).sorted().toArray();
        return LvisSelection.of(gt, inputs.detections(), gt.groundTruth().sortedImageIds(), categories,
                LvisEvaluator.MAX_DETS_PER_IMAGE);
    }

    @Benchmark
    public LvisResult evaluateLvis() {
        return LvisEvaluator.evaluate(inputs.groundTruth(), inputs.detections());
    }

    @Benchmark
    public CocoResult evaluateCocoSameInputs() {
        return CocoEvaluator.evaluate(inputs.groundTruth().groundTruth(), inputs.detections());
    }
}
