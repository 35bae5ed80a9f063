package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.mask.Rle;
import dev.deteval.eval.mask.RleStrings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Process CPU time (all threads, so GC and the ground truth's parallel rasterisation included) of each
 * phase of a COCO segm evaluation, for a machine shared with other jobs where wall times mostly measure
 * the others' load: ground truth read as boxes (polygons skipped) and as masks, results read as masks on
 * one thread (JSON and RLE decoding), every result's compressed string decoded again
 * ({@link RleStrings#decode}), the mask IoU of every (image, category) group with both detections and
 * ground truths, matching of all categories on one thread, and accumulation. Each phase runs
 * {@code rounds} times in this JVM; the smallest time is printed (the first rounds pay the JIT). It uses
 * only API that older jars have too, so compiled against an older jar it measures that one:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.deteval.eval.coco.SegmCpuPhases /tmp/b20/segm2000 6
 * javac -cp OLD.jar -d /tmp/old benchmarks/src/main/java/dev/deteval/eval/coco/{SegmCpuPhases,PhaseSteps}.java
 * java -cp OLD.jar:/tmp/old dev.deteval.eval.coco.SegmCpuPhases /tmp/b20/segm2000 6
 * </pre>
 */
public final class SegmCpuPhases {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final String[] PHASES = {"gt as boxes", "gt as masks", "results as masks", "decode strings",
        "mask IoU", "match", "accumulate"};

    private SegmCpuPhases() {
    }

    /** Arguments: the folder with instances.json and detections.json, the number of rounds. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        byte[] gtBytes = Files.readAllBytes(dir.resolve("instances.json"));
        byte[] dtBytes = Files.readAllBytes(dir.resolve("detections.json"));
        long[] best = new long[PHASES.length];
        Arrays.fill(best, Long.MAX_VALUE);
        String[] strings = null;
        int[][] sizes = null;
        for (int r = 0; r < rounds; r++) {
            long t = OS.getProcessCpuTime();
            new CocoJsonReader(IouType.BBOX).readGroundTruth(new ByteArrayInputStream(gtBytes), "gt");
            t = lap(best, 0, t);
            GroundTruth gt = new CocoJsonReader(IouType.SEGM).readGroundTruth(new ByteArrayInputStream(gtBytes),
                    "gt");
            t = lap(best, 1, t);
            Detections dt = new CocoJsonReader(IouType.SEGM).readResults(new ByteArrayInputStream(dtBytes), "dt",
                    gt);
            t = lap(best, 2, t);
            if (strings == null) {
                Rle[] masks = dt.maskColumn();
                strings = new String[masks.length];
                sizes = new int[masks.length][];
                for (int i = 0; i < masks.length; i++) {
                    strings[i] = RleStrings.encode(masks[i]);
                    sizes[i] = new int[] {masks[i].height(), masks[i].width()};
                }
                t = OS.getProcessCpuTime();
            }
            long area = 0;
            for (int i = 0; i < strings.length; i++) {
                area += RleStrings.decode(strings[i], sizes[i][0], sizes[i][1]).area();
            }
            t = lap(best, 3, t);
            CocoParams params = CocoParams.defaults().toBuilder().optIouType(IouType.SEGM).build();
            GroupIndex index = GroupIndex.build(gt, dt, params);
            t = OS.getProcessCpuTime();
            allIous(gt, dt, params, index);
            t = lap(best, 4, t);
            CategoryEvaluation evaluation = new CategoryEvaluation(gt, dt, params, index);
            CategoryOutcomes[] outcomes = new CategoryOutcomes[index.groupCategories];
            for (int k = 0; k < outcomes.length; k++) {
                outcomes[k] = evaluation.match(k);
            }
            t = lap(best, 5, t);
            PrecisionTable.Writer writer = PrecisionTable.writer(params.iouCount(), params.recCount(),
                    index.groupCategories, params.areaCount(), params.maxDetCount());
            for (int k = 0; k < outcomes.length; k++) {
                new Accumulation(params, k, outcomes[k]).writeTo(writer);
            }
            writer.done();
            lap(best, 6, t);
            if (area < 0) {
                throw new IllegalStateException("negative area");
            }
        }
        StringBuilder line = new StringBuilder(dir.toString()).append(':');
        for (int i = 0; i < PHASES.length; i++) {
            line.append(String.format(" %s %.0f ms;", PHASES[i], best[i] / 1e6));
        }
        System.out.println(line);
    }

    private static long lap(long[] best, int phase, long start) {
        long now = OS.getProcessCpuTime();
        best[phase] = Math.min(best[phase], now - start);
        return now;
    }

    /** The similarity of every group that has detections and ground truths, detections in input order. */
    private static double allIous(GroundTruth gt, Detections dt, CocoParams params, GroupIndex index) {
        return PhaseSteps.similarities(Similarity.of(IouType.SEGM, gt, dt, params), index, Integer.MAX_VALUE);
    }
}
