package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.mask.Rle;
import dev.deteval.eval.mask.RleDecoder;
import dev.deteval.eval.mask.RleStrings;
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
 * Each phase of a COCO segm evaluation on {@code deteval synth --segm --seed 3} data (the issue-20
 * benchmark files): parse the ground truth as boxes and as masks (the difference is reading the polygons
 * and rasterising them), parse the results as masks (JSON plus RLE decoding), decode alone (every result's
 * compressed counts, from characters already in memory), both files as the CLI reads them, match (mask IoU
 * plus greedy matching, categories in parallel), the same on one thread, accumulate, and the whole
 * {@link CocoEvaluator#evaluate} call.
 *
 * <p>Lives in {@code dev.deteval.eval.coco} to reach the package-private phases. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar SegmPhaseBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class SegmPhaseBenchmark {

    @Param({"2000", "5000"})
    int images;

    Path dir;
    GroundTruth gt;
    Detections dt;
    CocoParams params;
    GroupIndex index;
    CategoryOutcomes[] outcomes;
    char[][] counts;
    int[][] sizes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("deteval-bench-segm-");
        new SyntheticCoco(images, 3, true).write(dir);
        CocoJsonReader.Inputs inputs = parseBoth();
        gt = inputs.groundTruth();
        dt = inputs.detections();
        params = CocoParams.defaults().toBuilder().optIouType(IouType.SEGM).build();
        index = GroupIndex.build(gt, dt, params);
        outcomes = matchAll(true);
        Rle[] masks = dt.maskColumn();
        counts = new char[masks.length][];
        sizes = new int[masks.length][];
        for (int i = 0; i < masks.length; i++) {
            counts[i] = RleStrings.encode(masks[i]).toCharArray();
            sizes[i] = new int[] {masks[i].height(), masks[i].width()};
        }
    }

    private CategoryOutcomes[] matchAll(boolean parallel) {
        return PhaseSteps.matchAll(gt, dt, params, index, parallel);
    }

    @Benchmark
    public GroundTruth parseGroundTruthBoxes() {
        return new CocoJsonReader(IouType.BBOX).readGroundTruth(dir.resolve("instances.json"));
    }

    @Benchmark
    public GroundTruth parseGroundTruthMasks() {
        return new CocoJsonReader(IouType.SEGM).readGroundTruth(dir.resolve("instances.json"));
    }

    @Benchmark
    public Detections parseResultsMasks() {
        return new CocoJsonReader(IouType.SEGM).readResults(dir.resolve("detections.json"), gt);
    }

    @Benchmark
    public long decode() {
        RleDecoder decoder = new RleDecoder();
        long area = 0;
        for (int i = 0; i < counts.length; i++) {
            area += decoder.decode(counts[i], 0, counts[i].length, sizes[i][0], sizes[i][1]).area();
        }
        return area;
    }

    @Benchmark
    public CocoJsonReader.Inputs parseBoth() {
        return new CocoJsonReader(IouType.SEGM).readBoth(dir.resolve("instances.json"),
                dir.resolve("detections.json"));
    }

    @Benchmark
    public CategoryOutcomes[] match() {
        return matchAll(true);
    }

    @Benchmark
    public CategoryOutcomes[] matchOneThread() {
        return matchAll(false);
    }

    @Benchmark
    public PrecisionTable accumulate() {
        return PhaseSteps.accumulateAll(params, index, outcomes);
    }

    @Benchmark
    public CocoResult evaluate() {
        return CocoEvaluator.evaluate(gt, dt, params);
    }
}
