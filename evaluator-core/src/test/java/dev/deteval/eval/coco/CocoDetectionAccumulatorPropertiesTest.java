package dev.deteval.eval.coco;

import static dev.deteval.eval.coco.CocoResultAssertions.assertSameResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.CocoScenario.Det;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link CocoDetectionAccumulator} fed from several threads gives exactly what one call of
 * {@link CocoEvaluator#evaluate} gives on the same detections: only the order within one image matters,
 * and that order is kept when each image is added in one call, or by one thread.
 */
final class CocoDetectionAccumulatorPropertiesTest {

    private static final int THREADS = 4;
    private static ExecutorService pool;

    @BeforeContainer
    static void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterContainer
    static void stopPool() {
        pool.shutdownNow();
    }

    @Provide
    Arbitrary<CocoScenario> scenarios() {
        return CocoScenarios.scenarios();
    }

    @Provide
    Arbitrary<CocoParams> params() {
        return CocoScenarios.params();
    }

    @Property(tries = 200)
    void snapshot_imagesAddedWholeFromSeveralThreadsInAnyOrder_equalsOneShot(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p, @ForAll Random random) throws Exception {
        GroundTruth gt = s.groundTruth();
        CocoDetectionAccumulator accumulator = new CocoDetectionAccumulator(gt, p);
        Map<Long, List<Det>> byImage = byImage(s);
        List<Future<?>> tasks = new ArrayList<>();

        for (long image : CocoScenario.shuffled(List.copyOf(byImage.keySet()), random)) {
            List<Det> dets = byImage.get(image);
            tasks.add(pool.submit(() -> accumulator.addImage(image,
                    dets.stream().mapToLong(Det::categoryId).toArray(),
                    dets.stream().flatMapToDouble(d -> java.util.stream.DoubleStream.of(d.x(), d.y(), d.w(), d.h()))
                            .toArray(),
                    dets.stream().mapToDouble(Det::score).toArray())));
        }
        for (Future<?> task : tasks) {
            task.get();
        }

        assertThat(accumulator.size()).isEqualTo(s.detections().size());
        assertSameResult(accumulator.snapshot(), CocoEvaluator.evaluate(gt, s.detectionColumns(), p));
    }

    /**
     * A pipeline that infers in batches: the images are shuffled and cut into batches of one to five
     * images, and each batch (its detections in file order) is added with one {@code addAll} from the
     * pool's threads.
     */
    @Property(tries = 200)
    void snapshot_batchesOfSeveralImagesAddedFromSeveralThreads_equalsOneShot(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p, @ForAll Random random) throws Exception {
        GroundTruth gt = s.groundTruth();
        CocoDetectionAccumulator accumulator = new CocoDetectionAccumulator(gt, p);
        List<Long> images = CocoScenario.shuffled(List.copyOf(byImage(s).keySet()), random);
        List<Future<?>> tasks = new ArrayList<>();

        for (int from = 0; from < images.size(); ) {
            int to = Math.min(images.size(), from + 1 + random.nextInt(5));
            List<Long> batchImages = images.subList(from, to);
            List<Det> batch = s.detections().stream().filter(d -> batchImages.contains(d.imageId())).toList();
            tasks.add(pool.submit(() -> accumulator.addAll(s.withDetections(batch).detectionColumns())));
            from = to;
        }
        for (Future<?> task : tasks) {
            task.get();
        }

        assertThat(accumulator.size()).isEqualTo(s.detections().size());
        assertSameResult(accumulator.snapshot(), CocoEvaluator.evaluate(gt, s.detectionColumns(), p));
    }

    /** Each image belongs to one thread, which adds its detections one by one in file order. */
    @Property(tries = 200)
    void snapshot_detectionsAddedOneByOneByTheThreadOwningTheirImage_equalsOneShot(
            @ForAll("scenarios") CocoScenario s, @ForAll("params") CocoParams p, @ForAll Random random)
            throws Exception {
        GroundTruth gt = s.groundTruth();
        CocoDetectionAccumulator accumulator = new CocoDetectionAccumulator(gt, p);
        Map<Long, Integer> owner = s.imageIds().stream()
                .collect(Collectors.toMap(id -> id, id -> random.nextInt(THREADS)));
        List<Future<?>> tasks = new ArrayList<>();

        for (int thread = 0; thread < THREADS; thread++) {
            int me = thread;
            List<Det> mine = s.detections().stream().filter(d -> owner.get(d.imageId()) == me).toList();
            tasks.add(pool.submit(() -> {
                for (Det d : mine) {
                    accumulator.add(d.imageId(), d.categoryId(), d.x(), d.y(), d.w(), d.h(), d.score());
                    if (random.nextInt(4) == 0) {
                        Thread.yield();
                    }
                }
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }

        assertSameResult(accumulator.snapshot(), CocoEvaluator.evaluate(gt, s.detectionColumns(), p));
    }

    /** A snapshot taken part way does not disturb later additions. */
    @Property(tries = 200)
    void snapshot_takenBetweenImages_laterSnapshotEqualsOneShot(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p) {
        GroundTruth gt = s.groundTruth();
        CocoDetectionAccumulator accumulator = new CocoDetectionAccumulator(gt, p);
        List<Det> all = s.detections();
        int half = all.size() / 2;

        for (Det d : all.subList(0, half)) {
            accumulator.add(d.imageId(), d.categoryId(), d.x(), d.y(), d.w(), d.h(), d.score());
        }
        assertSameResult(accumulator.snapshot(), s.withDetections(all.subList(0, half)).evaluate(p));
        for (Det d : all.subList(half, all.size())) {
            accumulator.add(d.imageId(), d.categoryId(), d.x(), d.y(), d.w(), d.h(), d.score());
        }

        assertSameResult(accumulator.snapshot(), s.evaluate(p));
    }

    private static Map<Long, List<Det>> byImage(CocoScenario s) {
        return s.detections().stream().collect(Collectors.groupingBy(Det::imageId, java.util.LinkedHashMap::new,
                Collectors.toList()));
    }
}
