package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.synth.SyntheticCoco;
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
 * Each phase of a COCO bbox evaluation on synthetic COCO-like data ({@code deteval synth}, seed 1):
 * parse (both JSON files, read together as the CLI does), group, match (IoU + greedy matching, all categories in parallel),
 * accumulate (precision/recall tables), summarise (stats and per-category rows), and the whole
 * {@link CocoEvaluator#evaluate} call.
 *
 * <p>Lives in {@code dev.deteval.eval.coco} to reach the package-private phases. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar CocoPhaseBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class CocoPhaseBenchmark {

    @Param({"500", "5000", "20000"})
    int images;

    Path dir;
    GroundTruth gt;
    Detections dt;
    CocoParams params;
    GroupIndex index;
    CategoryOutcomes[] outcomes;
    PrecisionTable tables;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("deteval-bench-");
        new SyntheticCoco(images, 1).write(dir);
        CocoJsonReader reader = new CocoJsonReader();
        gt = reader.readGroundTruth(dir.resolve("instances.json"));
        dt = reader.readResults(dir.resolve("detections.json"), gt);
        params = CocoParams.defaults();
        index = GroupIndex.build(gt, dt, params);
        outcomes = matchAll();
        tables = accumulateAll();
    }

    private CategoryOutcomes[] matchAll() {
        return PhaseSteps.matchAll(gt, dt, params, index, true);
    }

    private PrecisionTable accumulateAll() {
        return PhaseSteps.accumulateAll(params, index, outcomes);
    }

    @Benchmark
    public CocoJsonReader.Inputs parse() {
        return new CocoJsonReader().readBoth(dir.resolve("instances.json"), dir.resolve("detections.json"));
    }

    @Benchmark
    public GroupIndex group() {
        return GroupIndex.build(gt, dt, params);
    }

    @Benchmark
    public CategoryOutcomes[] match() {
        return matchAll();
    }

    @Benchmark
    public PrecisionTable accumulate() {
        return accumulateAll();
    }

    @Benchmark
    public Object summarise() {
        Summarizer s = new Summarizer(params, tables);
        return new Object[] {CocoEvaluator.summary(params, s),
            CocoEvaluator.perCategory(gt, params, s, index.categoryIds)};
    }

    @Benchmark
    public CocoResult evaluate() {
        return CocoEvaluator.evaluate(gt, dt, params);
    }
}
