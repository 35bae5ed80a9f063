package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.synth.SyntheticKeypoints;
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
 * Each phase of a COCO keypoints evaluation on {@code deteval synth --keypoints} data (seed 3): parse (both
 * JSON files, read together as the CLI does), oks (the OKS matrix of every (image, person) group, nothing
 * else), match (ranking, OKS and greedy matching of the one category, as {@link CategoryEvaluation} runs
 * it), accumulate (precision/recall tables) and the whole {@link CocoEvaluator#evaluate} call.
 *
 * <p>Lives in {@code dev.deteval.eval.coco} to reach the package-private phases. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar KeypointPhaseBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class KeypointPhaseBenchmark {

    @Param({"2000", "5000"})
    int images;

    Path dir;
    GroundTruth gt;
    Detections dt;
    CocoParams params;
    GroupIndex index;
    CategoryOutcomes outcomes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("deteval-bench-kp-");
        new SyntheticKeypoints(images, 3).write(dir);
        CocoJsonReader.Inputs in = parse();
        gt = in.groundTruth();
        dt = in.detections();
        params = CocoParams.builder(CocoMode.COMPAT).optIouType(IouType.KEYPOINTS).build();
        index = GroupIndex.build(gt, dt, params);
        outcomes = match();
    }

    @Benchmark
    public CocoJsonReader.Inputs parse() {
        return new CocoJsonReader(IouType.KEYPOINTS).readBoth(dir.resolve("instances.json"),
                dir.resolve("detections.json"));
    }

    /** The OKS matrices alone, in input order within each group (ranking does not change their cost). */
    @Benchmark
    public double oks() {
        return PhaseSteps.similarities(Similarity.of(IouType.KEYPOINTS, gt, dt, params), index,
                params.maxDet(params.maxDetCount() - 1));
    }

    @Benchmark
    public CategoryOutcomes match() {
        return new CategoryEvaluation(gt, dt, params, index).match(0);
    }

    @Benchmark
    public PrecisionTable accumulate() {
        PrecisionTable.Writer writer = PrecisionTable.writer(params.iouCount(), params.recCount(), 1,
                params.areaCount(), params.maxDetCount());
        new Accumulation(params, 0, outcomes).writeTo(writer);
        return writer.done();
    }

    @Benchmark
    public CocoResult evaluate() {
        return CocoEvaluator.evaluate(gt, dt, params);
    }
}
