package dev.deteval.bench;

import dev.deteval.eval.nms.Nms;
import dev.deteval.eval.nms.NmsConfig;
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
 * Class-wise greedy NMS at IoU 0.5 on one thread, over {@code n} boxes in 80 classes that look like raw
 * detector output: clusters of jittered boxes around objects, plus background noise.
 *
 * <p>Data (seed 42): objects of a random class among 80, size 16–256 px (log-uniform per side) at a
 * uniform position on a square canvas of side {@code 20 * sqrt(n)} px; each object gets a cluster of 1–24
 * boxes (centre jitter with standard deviation 10% of the size, each side scaled by {@code exp(N(0, 0.1))})
 * scoring {@code base * U(0.5, 1)} with {@code base ~ U(0.3, 1)} per object. 10% of the boxes are noise:
 * uniform position, sides 8–128 px, score {@code U(0, 0.3)}, random class. Boxes are {@code [x1, y1, x2, y2]}.
 *
 * <p>Build and run: {@code mvn -B -q -Pbench -DskipTests package -pl benchmarks -am} then
 * {@code java -jar benchmarks/target/benchmarks.jar NmsBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class NmsBenchmark {

    static final int CLASSES = 80;

    @Param({"10000", "100000"})
    int n;

    double[] boxes;
    double[] scores;
    int[] classIds;
    NmsConfig config;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        boxes = new double[4 * n];
        scores = new double[n];
        classIds = new int[n];
        double side = 20 * Math.sqrt(n);
        int i = 0;
        int noise = n / 10;
        while (i < n - noise) {
            int cls = random.nextInt(CLASSES);
            double w = logUniform(random, 16, 256);
            double h = logUniform(random, 16, 256);
            double cx = random.nextDouble(0, side);
            double cy = random.nextDouble(0, side);
            double base = random.nextDouble(0.3, 1);
            int cluster = 1 + random.nextInt(24);
            for (int k = 0; k < cluster && i < n - noise; k++, i++) {
                double bw = w * Math.exp(0.1 * gaussian(random));
                double bh = h * Math.exp(0.1 * gaussian(random));
                double bx = cx + 0.1 * w * gaussian(random);
                double by = cy + 0.1 * h * gaussian(random);
                set(i, bx - bw / 2, by - bh / 2, bx + bw / 2, by + bh / 2, base * random.nextDouble(0.5, 1), cls);
            }
        }
        for (; i < n; i++) {
            double x = random.nextDouble(0, side);
            double y = random.nextDouble(0, side);
            set(i, x, y, x + logUniform(random, 8, 128), y + logUniform(random, 8, 128), random.nextDouble(0, 0.3),
                    random.nextInt(CLASSES));
        }
        config = NmsConfig.builder(0.5).build();
        System.out.println("NmsBenchmark n=" + n + ": class-wise greedy NMS at IoU 0.5 keeps "
                + Nms.greedy(boxes, scores, classIds, config).length + " boxes");
    }

    private void set(int i, double x1, double y1, double x2, double y2, double score, int cls) {
        boxes[4 * i] = x1;
        boxes[4 * i + 1] = y1;
        boxes[4 * i + 2] = x2;
        boxes[4 * i + 3] = y2;
        scores[i] = score;
        classIds[i] = cls;
    }

    private static double logUniform(SplittableRandom random, double min, double max) {
        return Math.exp(random.nextDouble(Math.log(min), Math.log(max)));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller, one value
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Class-wise greedy NMS, IoU 0.5, no score threshold or limits. */
    @Benchmark
    public int[] classWiseGreedy() {
        return Nms.greedy(boxes, scores, classIds, config);
    }
}
