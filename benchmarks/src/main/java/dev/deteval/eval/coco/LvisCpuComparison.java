package dev.deteval.eval.coco;

import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.LvisJsonReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Process CPU time of each phase of an LVIS evaluation beside a COCO evaluation, for a machine shared with
 * other jobs, where wall-clock times (and so JMH's) mostly measure the others' load. Each phase runs
 * {@code warm-up + runs} times in this JVM; the CPU time of the process (all threads) is taken around each
 * measured run, and the median and range are printed. The evaluations run on one thread
 * ({@code parallel = false}); parsing uses its usual parallel slices.
 *
 * <pre>
 * java -jar evaluator-core/target/deteval.jar synth --lvis --images 20000 --seed 1 --out /tmp/lvis20k
 * java -jar evaluator-core/target/deteval.jar synth --images 20000 --seed 1 --out /tmp/coco20k
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.deteval.eval.coco.LvisCpuComparison \
 *     /tmp/lvis20k /tmp/coco20k 1 3
 * </pre>
 */
public final class LvisCpuComparison {

    private LvisCpuComparison() {
    }

    /** Arguments: the LVIS folder, the COCO folder, warm-up runs, measured runs. */
    public static void main(String[] args) {
        Path lvis = Path.of(args[0]);
        Path coco = Path.of(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        LvisJsonReader.Inputs in = new LvisJsonReader().readBoth(lvis.resolve("instances.json"),
                lvis.resolve("detections.json"));
        CocoJsonReader.Inputs cocoIn = new CocoJsonReader().readBoth(coco.resolve("instances.json"),
                coco.resolve("detections.json"));
        LvisGroundTruth gt = in.groundTruth();
        long[] categories = gt.groundTruth().categories().stream().mapToLong(c -> c.id()).sorted().toArray();
        time("LVIS data: parse both files", warmup, runs, () -> new LvisJsonReader().readBoth(
                lvis.resolve("instances.json"), lvis.resolve("detections.json")));
        time("LVIS data: select (cap + federated filters)", warmup, runs, () -> LvisSelection.of(gt, in.detections(),
                gt.groundTruth().sortedImageIds(), categories, LvisEvaluator.MAX_DETS_PER_IMAGE));
        time("LVIS data: LvisEvaluator.evaluate, one thread", warmup, runs,
                () -> LvisEvaluator.evaluate(gt, in.detections(), false));
        time("LVIS data: CocoEvaluator.evaluate (defaults), one thread", warmup, runs,
                () -> CocoEvaluator.evaluate(gt.groundTruth(), in.detections(), CocoParams.defaults(), false));
        time("COCO data: parse both files", warmup, runs, () -> new CocoJsonReader().readBoth(
                coco.resolve("instances.json"), coco.resolve("detections.json")));
        time("COCO data: CocoEvaluator.evaluate (defaults), one thread", warmup, runs,
                () -> CocoEvaluator.evaluate(cocoIn.groundTruth(), cocoIn.detections(), CocoParams.defaults(), false));
    }

    private static void time(String what, int warmup, int runs, Supplier<Object> work) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] cpu = new double[runs];
        double[] wall = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            Object result = work.get();
            wall[i] = (System.nanoTime() - w0) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
            if (result == null) {
                throw new IllegalStateException("no result");
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "%-58s CPU median %7.0f ms (%.0f-%.0f), wall median %7.0f ms (%.0f-%.0f)%n",
                what, cpu[runs / 2], cpu[0], cpu[runs - 1], wall[runs / 2], wall[0], wall[runs - 1]);
    }
}
