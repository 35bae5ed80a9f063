package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * CPU time of each phase of a keypoints evaluation, cold (the JVM's first round, JIT compiling included)
 * and warm, for a machine shared with other jobs, where wall-clock times mostly measure the others' load.
 * Phases: parse (both files, read together as the CLI does, on its usual parallel tasks: process CPU time,
 * all threads, which includes the JIT compiler's threads), then on the calling thread (its own CPU time):
 * group, oks (the OKS matrix of every (image, person) group and nothing else), match (ranking, OKS and
 * greedy matching of the one category, as an evaluation runs them) and accumulate.
 *
 * <p>Uses only members that the evaluator had before this class, so it can also time an older build: put
 * that build's jar first on the class path.
 *
 * <pre>
 * java -jar evaluator-core/target/deteval.jar synth --keypoints --images 5000 --seed 3 --out /tmp/b20k/kp5000
 * java -cp benchmarks/target/benchmarks.jar dev.deteval.eval.coco.KeypointCpuPhases /tmp/b20k/kp5000 21
 * java -cp /tmp/b20/base.jar:benchmarks/target/benchmarks.jar dev.deteval.eval.coco.KeypointCpuPhases \
 *     /tmp/b20k/kp5000 21
 * </pre>
 */
public final class KeypointCpuPhases {

    private static final String[] PHASES = {"parse", "group", "oks", "match", "accumulate"};

    private KeypointCpuPhases() {
    }

    /** Arguments: the folder written by {@code synth --keypoints}, the number of rounds (the first is cold). */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CocoParams params = CocoParams.builder(CocoMode.COMPAT).optIouType(IouType.KEYPOINTS).build();
        double[][] ms = new double[PHASES.length][rounds];
        double check = 0;
        for (int r = 0; r < rounds; r++) {
            long p0 = os.getProcessCpuTime();
            CocoJsonReader.Inputs in = new CocoJsonReader(IouType.KEYPOINTS).readBoth(dir.resolve("instances.json"),
                    dir.resolve("detections.json"));
            ms[0][r] = (os.getProcessCpuTime() - p0) / 1e6;
            GroundTruth gt = in.groundTruth();
            Detections dt = in.detections();
            long t0 = threads.getCurrentThreadCpuTime();
            GroupIndex index = GroupIndex.build(gt, dt, params);
            long t1 = threads.getCurrentThreadCpuTime();
            check += oks(gt, dt, params, index);
            long t2 = threads.getCurrentThreadCpuTime();
            CategoryOutcomes outcomes = new CategoryEvaluation(gt, dt, params, index).match(0);
            long t3 = threads.getCurrentThreadCpuTime();
            PrecisionTable.Writer writer = PrecisionTable.writer(params.iouCount(), params.recCount(), 1,
                    params.areaCount(), params.maxDetCount());
            new Accumulation(params, 0, outcomes).writeTo(writer);
            check += writer.done().hashCode();
            long t4 = threads.getCurrentThreadCpuTime();
            ms[1][r] = (t1 - t0) / 1e6;
            ms[2][r] = (t2 - t1) / 1e6;
            ms[3][r] = (t3 - t2) / 1e6;
            ms[4][r] = (t4 - t3) / 1e6;
        }
        System.out.printf(Locale.ROOT, "%s, %d rounds (check %s)%n", dir, rounds, check != 0);
        for (int p = 0; p < PHASES.length; p++) {
            double[] warm = Arrays.copyOfRange(ms[p], 1, rounds);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "%-10s cold %6.1f ms   warm median %6.1f ms (%.1f-%.1f)%n", PHASES[p],
                    ms[p][0], warm[warm.length / 2], warm[0], warm[warm.length - 1]);
        }
    }

    /** The OKS matrices of every group with detections and ground truths, detections in input order. */
    private static double oks(GroundTruth gt, Detections dt, CocoParams params, GroupIndex index) {
        return PhaseSteps.similarities(Similarity.of(IouType.KEYPOINTS, gt, dt, params), index,
                params.maxDet(params.maxDetCount() - 1));
    }
}
