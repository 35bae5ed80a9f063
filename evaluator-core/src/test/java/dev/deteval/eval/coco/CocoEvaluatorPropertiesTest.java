package dev.deteval.eval.coco;

import static dev.deteval.eval.coco.CocoResultAssertions.assertSameNumbers;
import static dev.deteval.eval.coco.CocoResultAssertions.assertSameResult;
import static dev.deteval.eval.coco.CocoResultAssertions.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import dev.deteval.eval.coco.CocoScenario.Ann;
import dev.deteval.eval.coco.CocoScenario.Det;
import dev.deteval.eval.coco.CocoScenarios.DetSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of {@link CocoEvaluator#evaluate} on small random inputs (see {@link CocoScenarios}).
 *
 * <p>What pycocotools' result depends on, and so which rewrites must not change anything: ground-truth
 * images are taken in ascending id order and annotations are grouped per (image, category) in file
 * order; detections are ranked per (image, category) by a stable score sort (ties keep file order);
 * per category they are merged by a stable score sort over images in ascending id order (ties: lower
 * image id first); categories are evaluated independently, in ascending id order. Hence file order
 * matters only within one (image, category), and image ids matter only through cross-image score ties.
 */
final class CocoEvaluatorPropertiesTest {

    /** numpy's {@code np.spacing(1)}, the eps pycocotools adds to tp + fp. */
    private static final double EPS = Math.ulp(1.0);

    @Provide
    Arbitrary<CocoScenario> scenarios() {
        return CocoScenarios.scenarios();
    }

    @Provide
    Arbitrary<CocoScenario> plainScenarios() {
        return CocoScenarios.plainScenarios();
    }

    @Provide
    Arbitrary<CocoScenario> spreadScenarios() {
        return CocoScenarios.spreadScenarios();
    }

    @Provide
    Arbitrary<CocoParams> params() {
        return CocoScenarios.params();
    }

    @Provide
    Arbitrary<CocoParams> defaultParams() {
        return CocoScenarios.defaultParamsEitherMode();
    }

    @Provide
    Arbitrary<DetSpec> detSpecs() {
        return CocoScenarios.detSpecs();
    }

    // ---- reordering and relabelling ------------------------------------------------------------------

    @Property(tries = 200)
    void evaluate_groundTruthImagesShuffledAndAnnotationGroupsInterleaved_sameResult(
            @ForAll("scenarios") CocoScenario s, @ForAll("params") CocoParams p, @ForAll Random random) {
        CocoScenario reordered = new CocoScenario(CocoScenario.shuffled(s.imageIds(), random), s.categoryIds(),
                CocoScenario.interleaveKeepingGroupOrder(s.annotations(), Ann::group, random), s.detections());

        assertSameResult(reordered.evaluate(p), s.evaluate(p));
    }

    @Property(tries = 200)
    void evaluate_detectionsInterleavedKeepingOrderPerImageAndCategory_sameResult(
            @ForAll("scenarios") CocoScenario s, @ForAll("params") CocoParams p, @ForAll Random random) {
        CocoScenario reordered = s.withDetections(
                CocoScenario.interleaveKeepingGroupOrder(s.detections(), Det::group, random));

        assertSameResult(reordered.evaluate(p), s.evaluate(p));
    }

    @Property(tries = 200)
    void evaluate_distinctScoresAndDetectionsShuffled_sameResult(@ForAll("scenarios") CocoScenario scenario,
            @ForAll("params") CocoParams p, @ForAll Random random) {
        CocoScenario s = scenario.withDistinctScores(random);
        CocoScenario shuffled = s.withDetections(CocoScenario.shuffled(s.detections(), random));

        assertSameResult(shuffled.evaluate(p), s.evaluate(p));
    }

    @Property(tries = 200)
    void evaluate_imageIdsRelabelledMonotonically_sameResult(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p, @ForAll Random random) {
        Map<Long, Long> map = monotoneMap(s.imageIds(), random);
        CocoScenario relabelled = s.relabelImages(map::get);

        assertSameResult(relabelled.evaluate(p), s.evaluate(p));
    }

    @Property(tries = 200)
    void evaluate_imageIdsPermutedWithDistinctScores_sameResult(@ForAll("scenarios") CocoScenario scenario,
            @ForAll("params") CocoParams p, @ForAll Random random) {
        CocoScenario s = scenario.withDistinctScores(random);
        List<Long> targets = CocoScenario.shuffled(s.imageIds(), random);
        Map<Long, Long> map = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            map.put(s.imageIds().get(i), targets.get(i));
        }
        CocoScenario relabelled = s.relabelImages(map::get);

        assertSameResult(relabelled.evaluate(p), s.evaluate(p));
    }

    @Property(tries = 200)
    void evaluate_categoryIdsRelabelledMonotonically_sameNumbersUnderNewIds(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p, @ForAll Random random) {
        Map<Long, Long> map = monotoneMap(s.categoryIds(), random);
        CocoResult expected = s.evaluate(p);

        CocoResult actual = s.relabelCategories(map::get).evaluate(p);

        assertSameNumbers(actual, expected);
        long[] expectedIds = p.useCats() ? Arrays.stream(expected.categoryIds()).map(map::get).toArray()
                : expected.categoryIds();
        assertThat(actual.categoryIds()).isEqualTo(expectedIds);
        assertThat(actual.perCategory()).extracting(CategoryMetrics::name)
                .isEqualTo(expected.perCategory().stream().map(CategoryMetrics::name).toList());
    }

    /**
     * Any relabelling of categories moves each category's numbers unchanged; the means over categories
     * may differ in the last bits, because numpy's pairwise summation then adds in another order.
     */
    @Property(tries = 200)
    void evaluate_categoryIdsPermuted_categoryRowsFollowExactly(@ForAll("scenarios") CocoScenario s,
            @ForAll("defaultParams") CocoParams p, @ForAll Random random) {
        List<Long> targets = CocoScenario.shuffled(s.categoryIds(), random);
        Map<Long, Long> map = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            map.put(s.categoryIds().get(i), targets.get(i));
        }
        CocoResult expected = s.evaluate(p);

        CocoResult actual = s.relabelCategories(map::get).evaluate(p);

        for (CategoryMetrics row : expected.perCategory()) {
            CategoryMetrics moved = actual.perCategory().stream().filter(m -> m.id() == map.get(row.id()))
                    .findFirst().orElseThrow();
            assertThat(moved.name()).isEqualTo(row.name());
            assertThat(values(moved)).isEqualTo(values(row));
        }
        double[] e = expected.summary().stats();
        double[] a = actual.summary().stats();
        for (int i = 0; i < e.length; i++) {
            assertThat(a[i]).as("stats[" + i + "]").isCloseTo(e[i], within(1e-12));
        }
    }

    @Property(tries = 200)
    void evaluate_annotationIdsRenumberedWithoutZero_sameResult(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p, @ForAll Random random) {
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, s.annotations().size()).boxed().toList());
        List<Long> targets = new ArrayList<>(ids.stream().map(id -> id * 7 + 1000).toList());
        Collections.shuffle(targets, random);
        Map<Long, Long> map = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), targets.get(i));
        }

        assertSameResult(s.relabelAnnotations(map::get).evaluate(p), s.evaluate(p));
    }

    /** In corrected mode annotation id 0 is an ordinary id (in compat mode it never counts as matched). */
    @Property(tries = 200)
    void evaluate_correctedModeAnnotationIdZero_sameAsAnyOtherId(@ForAll("scenarios") CocoScenario s,
            @ForAll Random random) {
        CocoParams p = CocoParams.builder(CocoMode.CORRECTED).build();
        long zeroed = s.annotations().isEmpty() ? 0 : 1 + random.nextInt(s.annotations().size());

        CocoScenario renumbered = s.relabelAnnotations(id -> id == zeroed ? 0 : id);

        assertSameResult(renumbered.evaluate(p), s.evaluate(p));
    }

    // ---- geometry ------------------------------------------------------------------------------------

    @Property(tries = 200)
    void evaluate_everyBoxTranslatedByWholePixels_sameResult(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p, @ForAll Random random) {
        double dx = random.nextInt(2001) - 1000;
        double dy = random.nextInt(2001) - 1000;

        CocoScenario moved = s.mapBoxes(b -> new double[] {b[0] + dx, b[1] + dy, b[2], b[3]}, a -> a);

        assertSameResult(moved.evaluate(p), s.evaluate(p));
    }

    @Property(tries = 200)
    void evaluate_everyBoxMirroredOrTransposed_sameResult(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p) {
        CocoScenario mirrored = s.mapBoxes(b -> new double[] {640 - b[0] - b[2], b[1], b[2], b[3]}, a -> a);
        CocoScenario transposed = s.mapBoxes(b -> new double[] {b[1], b[0], b[3], b[2]}, a -> a);

        CocoResult expected = s.evaluate(p);
        assertSameResult(mirrored.evaluate(p), expected);
        assertSameResult(transposed.evaluate(p), expected);
    }

    /** Scaling by a power of two is exact in floating point, so IoUs and area comparisons do not move. */
    @Property(tries = 200)
    void evaluate_boxesScaledByTwoAndAreaRangesByFour_sameResult(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p) {
        double[][] ranges = p.areaRng();
        for (double[] r : ranges) {
            r[0] *= 4;
            r[1] *= 4;
        }
        CocoParams scaledParams = p.toBuilder().optAreaRanges(ranges, p.areaRngLbl()).build();

        CocoScenario scaled = s.mapBoxes(b -> new double[] {2 * b[0], 2 * b[1], 2 * b[2], 2 * b[3]}, a -> 4 * a);

        CocoResult actual = scaled.evaluate(scaledParams);
        CocoResult expected = s.evaluate(p);
        assertSameResult(actual, expected);
    }

    // ---- ranges and table structure ------------------------------------------------------------------

    @Property(tries = 200)
    void evaluate_anyInput_statsAndCategoryValuesInUnitIntervalOrMinusOne(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p) {
        CocoResult r = s.evaluate(p);

        for (double v : r.summary().stats()) {
            assertUnitOrUndefined(v);
        }
        assertUnitOrUndefined(r.summary().ar50());
        assertUnitOrUndefined(r.summary().ar75());
        for (CategoryMetrics m : r.perCategory()) {
            for (double v : values(m)) {
                assertUnitOrUndefined(v);
            }
        }
    }

    @Property(tries = 200)
    void evaluate_anyInput_tableEntriesInUnitIntervalOrMinusOne(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p) {
        PrecisionTable t = s.evaluate(p).tables();

        assertThat(Arrays.stream(t.precisionArray()).filter(v -> v != -1 && !(v >= 0 && v <= 1)).toArray())
                .as("precision entries outside [0, 1] and not -1").isEmpty();
        assertThat(Arrays.stream(t.recallArray()).filter(v -> v != -1 && !(v >= 0 && v <= 1)).toArray())
                .as("recall entries outside [0, 1] and not -1").isEmpty();
    }

    /**
     * An entry is -1 exactly where the category has no ground truth that counts in the area range
     * (not crowd, inside the range by its {@code area} field, and in corrected mode not flagged
     * {@code ignore}), whatever the detections.
     */
    @Property(tries = 200)
    void evaluate_anyInput_undefinedExactlyWhereNoGroundTruthCounts(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p) {
        CocoResult result = s.evaluate(p);
        PrecisionTable t = result.tables();
        int[] shape = t.shape();
        long[] cats = result.categoryIds();

        for (int k = 0; k < shape[2]; k++) {
            for (int a = 0; a < shape[3]; a++) {
                boolean undefined = countingGroundTruth(s, p, p.useCats() ? cats[k] : null, a) == 0;
                for (int ti = 0; ti < shape[0]; ti++) {
                    for (int m = 0; m < shape[4]; m++) {
                        if ((t.recall(ti, k, a, m) == -1) != undefined) {
                            fail("recall t=%d k=%d a=%d m=%d is %s", ti, k, a, m, t.recall(ti, k, a, m));
                        }
                        for (int r = 0; r < shape[1]; r++) {
                            if ((t.precision(ti, r, k, a, m) == -1) != undefined) {
                                fail("precision t=%d r=%d k=%d a=%d m=%d is %s", ti, r, k, a, m,
                                        t.precision(ti, r, k, a, m));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Interpolated precision never rises with recall; recall never falls when more detections per
     * image are kept (maxDets only cuts each image's ranked list, the matching is done once).
     */
    @Property(tries = 200)
    void evaluate_anyInput_precisionFallsWithRecallAndRecallRisesWithMaxDets(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p) {
        CocoResult result = s.evaluate(p);
        PrecisionTable t = result.tables();
        int[] shape = t.shape();

        for (int ti = 0; ti < shape[0]; ti++) {
            for (int k = 0; k < shape[2]; k++) {
                for (int a = 0; a < shape[3]; a++) {
                    for (int m = 0; m < shape[4]; m++) {
                        for (int r = 1; r < shape[1]; r++) {
                            if (t.precision(ti, r, k, a, m) > t.precision(ti, r - 1, k, a, m)) {
                                fail("precision rises at t=%d r=%d k=%d a=%d m=%d", ti, r, k, a, m);
                            }
                        }
                        if (m > 0 && t.recall(ti, k, a, m) < t.recall(ti, k, a, m - 1)) {
                            fail("recall falls at t=%d k=%d a=%d m=%d", ti, k, a, m);
                        }
                    }
                }
            }
        }
        CocoSummary sum = result.summary();
        assertThat(sum.stats()[6]).isLessThanOrEqualTo(sum.stats()[7]);
        assertThat(sum.stats()[7]).isLessThanOrEqualTo(sum.stats()[8]);
    }

    // ---- perfect and empty detections ----------------------------------------------------------------

    /**
     * One detection per ground truth, with its box and score 1 (ties: file order), in any order: for
     * area "all" every detection is a true positive, so with maxDets M a category with n ground truths
     * has tp = Σ over images of min(M, n_image) and recall tp / n, and precision tp / (tp + eps) up to
     * that recall and 0 beyond (pycocotools adds eps = 2⁻⁵² to tp + fp, so one ground truth gives
     * 1 - 2⁻⁵², not 1).
     */
    @Property(tries = 200)
    void evaluate_detectionsEqualGroundTruth_areaAllPerfectUpToMaxDets(@ForAll("plainScenarios") CocoScenario s,
            @ForAll("params") CocoParams p, @ForAll Random random) {
        CocoScenario perfect = s.withDetections(CocoScenario.shuffled(perfectDetections(s), random));

        CocoResult result = perfect.evaluate(p);

        assertPerfectTables(perfect, p, result, 0);
        if (Arrays.equals(p.maxDets(), new int[] {1, 10, 100}) && !s.annotations().isEmpty()) {
            CocoSummary sum = result.summary();
            assertThat(sum.ap()).isCloseTo(1.0, within(1e-15));
            assertThat(sum.ap50()).isCloseTo(1.0, within(1e-15));
            assertThat(sum.ap75()).isCloseTo(1.0, within(1e-15));
            assertThat(sum.stats()[8]).isEqualTo(1.0);
            for (CategoryMetrics m : result.perCategory()) {
                if (m.ar() != -1) {
                    assertThat(m.ap()).isCloseTo(1.0, within(1e-15));
                    assertThat(m.ar()).isEqualTo(1.0);
                }
            }
        }
    }

    /**
     * Same with ground truths that never overlap within an image: every area range then scores like
     * "all" restricted to its ground truths (a detection of an out-of-range ground truth is matched to
     * it and ignored).
     */
    @Property(tries = 200)
    void evaluate_detectionsEqualSpreadGroundTruth_everyAreaRangePerfectUpToMaxDets(
            @ForAll("spreadScenarios") CocoScenario s, @ForAll("params") CocoParams p, @ForAll Random random) {
        CocoScenario perfect = s.withDetections(CocoScenario.shuffled(perfectDetections(s), random));

        CocoResult result = perfect.evaluate(p);

        for (int a = 0; a < p.areaCount(); a++) {
            assertPerfectTables(perfect, p, result, a);
        }
    }

    @Property(tries = 200)
    void evaluate_noDetections_zeroWhereGroundTruthCountsElseMinusOne(@ForAll("scenarios") CocoScenario scenario,
            @ForAll("params") CocoParams p) {
        CocoScenario s = scenario.withDetections(List.of());

        CocoResult result = s.evaluate(p);

        PrecisionTable t = result.tables();
        assertThat(Arrays.stream(t.precisionArray()).filter(v -> v != 0 && v != -1).toArray()).isEmpty();
        assertThat(Arrays.stream(t.recallArray()).filter(v -> v != 0 && v != -1).toArray()).isEmpty();
        long[] cats = result.categoryIds();
        for (int k = 0; k < cats.length; k++) {
            boolean counts = countingGroundTruth(s, p, p.useCats() ? cats[k] : null, 0) > 0;
            CategoryMetrics m = result.perCategory().get(k);
            assertThat(m.ap()).isEqualTo(counts ? 0.0 : -1.0);
            assertThat(m.ar()).isEqualTo(counts ? 0.0 : -1.0);
        }
    }

    // ---- adding detections ---------------------------------------------------------------------------

    /**
     * A detection on an image where its category has no ground truth (with pooled categories: an image
     * without any ground truth) can only be a false positive or ignored. Whatever its score, it leaves
     * recall unchanged and never raises a precision entry, so no AP (summary or per category) rises —
     * provided its group holds fewer detections than the smallest maxDets. In a fuller group it can
     * push a counted false positive out of the top-maxDets window while being ignored itself (outside
     * the area range), which does raise precision;
     * {@link #evaluate_smallDetectionDisplacesMediumFalsePositiveFromTopOne_precisionRises} pins that case.
     */
    @Property(tries = 200)
    void evaluate_detectionWhereCategoryHasNoGroundTruth_neverRaisesPrecisionNorChangesRecall(
            @ForAll("scenarios") CocoScenario s, @ForAll("params") CocoParams p, @ForAll("detSpecs") DetSpec spec,
            @ForAll Random random) {
        Det candidate = CocoScenarios.detection(s, spec, spec.scoreLevel() / 10.0);
        Det added = placeWithoutGroundTruth(s, candidate, p, random);
        CocoScenario extended = s;
        if (!s.imageIds().contains(added.imageId())) {
            List<Long> images = new ArrayList<>(s.imageIds());
            images.add(added.imageId());
            extended = new CocoScenario(images, s.categoryIds(), s.annotations(), s.detections());
        }
        CocoResult before = extended.evaluate(p);

        CocoResult after = extended.plusDetection(added).evaluate(p);

        assertThat(after.tables().recallArray()).isEqualTo(before.tables().recallArray());
        double[] pb = before.tables().precisionArray();
        double[] pa = after.tables().precisionArray();
        for (int i = 0; i < pb.length; i++) {
            if (pa[i] > pb[i]) {
                fail("precision entry %d rose from %s to %s", i, pb[i], pa[i]);
            }
        }
        assertNotAbove(after, before);
    }

    /**
     * A detection scored below every other one is ranked last in its image and in its category, so it
     * cannot change any other detection's match. Where it is kept and a true positive, it adds one
     * point at the end of the curve with a higher recall, which can only raise precision (the
     * interpolated precision is a maximum over the points to its right) — so precision at recall levels
     * already reached can rise. Where it is cut by maxDets, a false positive or ignored, the tables do
     * not change at all. Either way no entry falls.
     */
    @Property(tries = 200)
    void evaluate_detectionScoredBelowAllOthers_nothingFallsAndOnlyTruePositivesChangeTables(
            @ForAll("scenarios") CocoScenario s, @ForAll("params") CocoParams p, @ForAll("detSpecs") DetSpec spec) {
        double lowest = s.detections().stream().mapToDouble(Det::score).min().orElse(1.0);
        Det added = CocoScenarios.detection(s, spec, lowest / 2);
        CocoResult before = s.evaluate(p);

        CocoResult after = s.plusDetection(added).evaluate(p);

        PrecisionTable tb = before.tables();
        PrecisionTable ta = after.tables();
        int[] shape = tb.shape();
        long[] cats = before.categoryIds();
        for (int ti = 0; ti < shape[0]; ti++) {
            for (int k = 0; k < shape[2]; k++) {
                boolean sameGroup = !p.useCats() || cats[k] == added.categoryId();
                int already = sameGroup ? detectionsInGroup(s, p, added) : 0;
                for (int a = 0; a < shape[3]; a++) {
                    for (int m = 0; m < shape[4]; m++) {
                        double rb = tb.recall(ti, k, a, m);
                        double ra = ta.recall(ti, k, a, m);
                        boolean cut = !sameGroup || already >= p.maxDet(m);
                        if (ra < rb || (cut && ra != rb)) {
                            fail("recall t=%d k=%d a=%d m=%d went from %s to %s (kept: %s)", ti, k, a, m, rb, ra, !cut);
                        }
                        for (int r = 0; r < shape[1]; r++) {
                            double qb = tb.precision(ti, r, k, a, m);
                            double qa = ta.precision(ti, r, k, a, m);
                            if (qa < qb || (ra == rb && qa != qb)) {
                                fail("precision t=%d r=%d k=%d a=%d m=%d went from %s to %s while recall went from"
                                        + " %s to %s", ti, r, k, a, m, qb, qa, rb, ra);
                            }
                        }
                    }
                }
            }
        }
        assertNotAbove(before, after);
    }

    // ---- modes and execution -------------------------------------------------------------------------

    /**
     * Without ignore flags, annotation id 0 or custom maxDets, compat and corrected mode differ only by
     * their default thresholds: given the same thresholds explicitly, they agree bit for bit.
     */
    @Property(tries = 200)
    void evaluate_sameExplicitThresholdsWithoutIgnoreFlags_compatEqualsCorrected(
            @ForAll("scenarios") CocoScenario scenario, @ForAll boolean useCats, @ForAll boolean decimalThresholds) {
        CocoScenario s = scenario.withAnnotations(scenario.annotations().stream()
                .map(a -> new Ann(a.id(), a.imageId(), a.categoryId(), a.x(), a.y(), a.w(), a.h(), a.area(),
                        a.crowd(), false))
                .toList());
        CocoMode thresholdsOf = decimalThresholds ? CocoMode.CORRECTED : CocoMode.COMPAT;
        double[] iou = CocoParams.defaultIouThrs(thresholdsOf);
        double[] rec = CocoParams.defaultRecThrs(thresholdsOf);
        CocoParams compat = CocoParams.builder(CocoMode.COMPAT).optUseCats(useCats).optIouThrs(iou).optRecThrs(rec)
                .build();
        CocoParams corrected = CocoParams.builder(CocoMode.CORRECTED).optUseCats(useCats).optIouThrs(iou)
                .optRecThrs(rec).build();

        assertSameResult(s.evaluate(corrected), s.evaluate(compat));
    }

    @Property(tries = 200)
    void evaluate_parallelAndSequential_identical(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p) {
        CocoResult sequential = CocoEvaluator.evaluate(s.groundTruth(), s.detectionColumns(), p, false);

        CocoResult parallel = CocoEvaluator.evaluate(s.groundTruth(), s.detectionColumns(), p, true);

        assertSameResult(parallel, sequential);
    }

    // ---- selections ----------------------------------------------------------------------------------

    /** pycocotools' {@code params.imgIds} is the same as leaving the other images out of both files. */
    @Property(tries = 200)
    void evaluate_imgIdsSelection_equalsDroppingOtherImages(@ForAll("scenarios") CocoScenario s,
            @ForAll("params") CocoParams p, @ForAll Random random) {
        List<Long> kept = s.imageIds().stream().filter(id -> random.nextBoolean()).toList();
        CocoParams selecting = p.toBuilder().optImgIds(kept.stream().mapToLong(Long::longValue).toArray()).build();
        CocoScenario dropped = new CocoScenario(kept, s.categoryIds(),
                s.annotations().stream().filter(a -> kept.contains(a.imageId())).toList(),
                s.detections().stream().filter(d -> kept.contains(d.imageId())).toList());

        assertSameResult(s.evaluate(selecting), dropped.evaluate(p));
    }

    /** pycocotools' {@code params.catIds} is the same as leaving the other categories out of both files. */
    @Property(tries = 200)
    void evaluate_catIdsSelection_equalsDroppingOtherCategories(@ForAll("scenarios") CocoScenario s,
            @ForAll("defaultParams") CocoParams p, @ForAll Random random) {
        List<Long> kept = s.categoryIds().stream().filter(id -> random.nextBoolean()).toList();
        CocoParams selecting = p.toBuilder().optCatIds(kept.stream().mapToLong(Long::longValue).toArray()).build();
        CocoScenario dropped = new CocoScenario(s.imageIds(), kept,
                s.annotations().stream().filter(a -> kept.contains(a.categoryId())).toList(),
                s.detections().stream().filter(d -> kept.contains(d.categoryId())).toList());

        CocoResult actual = s.evaluate(selecting);
        CocoResult expected = dropped.evaluate(p);
        assertSameNumbers(actual, expected);
        assertThat(actual.categoryIds()).isEqualTo(expected.categoryIds());
    }

    @Property(tries = 200)
    void evaluate_singleCategoryPooled_sameNumbersAsPerCategory(@ForAll("scenarios") CocoScenario scenario,
            @ForAll("defaultParams") CocoParams p) {
        long only = scenario.categoryIds().get(0);
        CocoScenario s = scenario.relabelCategories(id -> only);
        s = new CocoScenario(s.imageIds(), List.of(only), s.annotations(), s.detections());

        CocoResult pooled = s.evaluate(p.toBuilder().optUseCats(false).build());
        CocoResult perCategory = s.evaluate(p);

        assertSameNumbers(pooled, perCategory);
    }

    // ---- statements that are NOT properties (checked against pycocotools 2.0.11) ---------------------

    /**
     * Detections equal to the ground truth do not always give AP 1 in a restricted area range. In range
     * "medium" [32², 96²] the ground truth g2 (area 960) is ignored; in-range ground truths are tried
     * first and a held match stops the scan at the first ignored one. At IoU 0.50 the copy of g2 takes
     * g4 (IoU 768/1216), the copy of g4 then takes g3 (IoU 0.5 with g1 and g3, the later wins), and the
     * copy of g3 finds g3 and g4 taken, g1 at IoU 768/1792 and g2 at 512/1728: a false positive.
     * Curve: TP, TP, FP, TP of 3, so precision is 3/4 for recall thresholds above 2/3 (34 of 101);
     * every other threshold and IoU gives 1.
     */
    @Example
    void evaluate_detectionsEqualOverlappingGroundTruth_mediumRangeBelowOne() {
        List<double[]> boxes = List.of(new double[] {0, 0, 32, 40}, new double[] {0, 0, 40, 24},
                new double[] {8, 8, 40, 32}, new double[] {8, 0, 32, 32});
        List<Ann> anns = new ArrayList<>();
        for (double[] b : boxes) {
            anns.add(new Ann(anns.size() + 1, 1, 1, b[0], b[1], b[2], b[3], b[2] * b[3], false, false));
        }
        List<Det> dets = List.of(1, 3, 2, 0).stream().map(anns::get)
                .map(a -> new Det(1, 1, a.x(), a.y(), a.w(), a.h(), 1.0)).toList();
        CocoScenario s = new CocoScenario(List.of(1L), List.of(1L), anns, dets);

        CocoResult result = s.evaluate(CocoParams.defaults());

        assertThat(result.summary().ap()).isEqualTo(1.0);
        assertThat(result.summary().stat("APm")).isCloseTo((1010 - 34 * 0.25) / 1010, within(1e-15));
        int medium = 2;
        assertThat(result.tables().precision(0, 67, 0, medium, 2)).isEqualTo(3 / (4 + EPS));
        assertThat(result.tables().precision(0, 66, 0, medium, 2)).isEqualTo(1.0);
    }

    /**
     * pycocotools cuts each (image, category) group to its top maxDets before ignoring detections
     * outside the area range. A small detection that outranks a medium false positive therefore
     * pushes it out of the top-1 window and is ignored itself in the medium range: adding a false
     * positive raises precision there. Image 1: one medium ground truth found exactly (score 0.1);
     * image 2: a medium false positive (0.2); added on image 2: an 8x8 box (0.3).
     */
    @Example
    void evaluate_smallDetectionDisplacesMediumFalsePositiveFromTopOne_precisionRises() {
        List<Ann> anns = List.of(new Ann(1, 1, 1, 0, 0, 40, 40, 1600, false, false));
        CocoScenario s = new CocoScenario(List.of(1L, 2L), List.of(1L), anns,
                List.of(new Det(1, 1, 0, 0, 40, 40, 0.1), new Det(2, 1, 0, 0, 40, 40, 0.2)));
        int medium = 2;
        int top1 = 0;
        int top10 = 1;

        PrecisionTable before = s.evaluate(CocoParams.defaults()).tables();
        PrecisionTable after = s.plusDetection(new Det(2, 1, 0, 0, 8, 8, 0.3)).evaluate(CocoParams.defaults())
                .tables();

        assertThat(before.precision(0, 0, 0, medium, top1)).as("FP then TP").isEqualTo(1 / (2 + EPS));
        assertThat(after.precision(0, 0, 0, medium, top1)).as("ignored then TP").isEqualTo(1 / (1 + EPS));
        assertThat(after.precision(0, 0, 0, medium, top10)).as("FP still inside top 10")
                .isEqualTo(1 / (2 + EPS));
    }

    /**
     * Duplicating every detection with a lower score can raise AP50: the duplicate takes a second
     * ground truth that the original could not hold (two identical ground truths, one detection).
     */
    @Example
    void evaluate_everyDetectionDuplicatedWithLowerScore_canRaiseAp50() {
        List<Ann> anns = List.of(new Ann(1, 1, 1, 0, 0, 8, 8, 64, false, false),
                new Ann(2, 1, 1, 0, 0, 8, 8, 64, false, false));
        Det d = new Det(1, 1, 0, 0, 8, 8, 0.1);
        CocoScenario s = new CocoScenario(List.of(1L), List.of(1L), anns, List.of(d));

        double before = s.evaluate(CocoParams.defaults()).summary().ap50();
        double after = s.plusDetection(d.withScore(0.05)).evaluate(CocoParams.defaults()).summary().ap50();

        assertThat(before).as("recall 1/2: 51 of 101 recall thresholds at precision 1/(1+eps)")
                .isCloseTo(51 / 101.0, within(1e-15));
        assertThat(after).isEqualTo(1.0);
    }

    /**
     * A detection scored below all others raises precision at a recall already reached when it is a
     * true positive: the interpolated precision is the best precision at that recall or beyond.
     * Before: FP, TP of 2 ground truths (precision 1/2 up to recall 1/2); after: FP, TP, TP (2/3).
     */
    @Example
    void evaluate_lowestScoredTruePositiveAdded_raisesPrecisionAtReachedRecall() {
        List<Ann> anns = List.of(new Ann(1, 1, 1, 0, 0, 10, 10, 100, false, false),
                new Ann(2, 1, 1, 50, 50, 10, 10, 100, false, false));
        CocoScenario s = new CocoScenario(List.of(1L), List.of(1L), anns,
                List.of(new Det(1, 1, 20, 20, 10, 10, 0.9), new Det(1, 1, 0, 0, 10, 10, 0.8)));

        PrecisionTable before = s.evaluate(CocoParams.defaults()).tables();
        PrecisionTable after = s.plusDetection(new Det(1, 1, 50, 50, 10, 10, 0.1)).evaluate(CocoParams.defaults())
                .tables();

        for (int r = 0; r <= 50; r++) {
            assertThat(before.precision(0, r, 0, 0, 2)).isEqualTo(1 / (2 + EPS));
            assertThat(after.precision(0, r, 0, 0, 2)).isEqualTo(2 / (3 + EPS));
        }
    }

    /**
     * Nor does it always leave AR1 alone: on an image (and category) with no detection yet it is that
     * image's first detection, kept by maxDets = 1.
     */
    @Example
    void evaluate_lowestScoredDetectionOnImageWithoutDetections_canRaiseAr1() {
        List<Ann> anns = List.of(new Ann(1, 1, 1, 0, 0, 10, 10, 100, false, false),
                new Ann(2, 2, 1, 0, 0, 10, 10, 100, false, false));
        CocoScenario s = new CocoScenario(List.of(1L, 2L), List.of(1L), anns,
                List.of(new Det(1, 1, 0, 0, 10, 10, 0.9)));

        double before = s.evaluate(CocoParams.defaults()).summary().stats()[6];
        double after = s.plusDetection(new Det(2, 1, 0, 0, 10, 10, 0.1)).evaluate(CocoParams.defaults()).summary()
                .stats()[6];

        assertThat(before).isEqualTo(1 / 2.0);
        assertThat(after).isEqualTo(1.0);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static void assertUnitOrUndefined(double v) {
        if (v != -1) {
            assertThat(v).isBetween(0.0, 1.0);
        }
    }

    /** Every stat and per-category value of {@code lower} is at most the one of {@code higher}. */
    private static void assertNotAbove(CocoResult lower, CocoResult higher) {
        double[] lo = lower.summary().stats();
        double[] hi = higher.summary().stats();
        for (int i = 0; i < lo.length; i++) {
            assertThat(lo[i]).as("stats[" + i + "]").isLessThanOrEqualTo(hi[i]);
            assertThat(lo[i] == -1).isEqualTo(hi[i] == -1);
        }
        for (int k = 0; k < lower.perCategory().size(); k++) {
            double[] l = values(lower.perCategory().get(k));
            double[] h = values(higher.perCategory().get(k));
            for (int j = 0; j < l.length; j++) {
                assertThat(l[j]).isLessThanOrEqualTo(h[j]);
            }
        }
    }

    /** An increasing map of {@code ids} onto other distinct ids (possibly overlapping the old ones). */
    private static Map<Long, Long> monotoneMap(List<Long> ids, Random random) {
        List<Long> sorted = ids.stream().sorted().toList();
        Map<Long, Long> map = new HashMap<>();
        long next = random.nextInt(50) - 10;
        for (long id : sorted) {
            next += 1 + random.nextInt(1000);
            map.put(id, next);
        }
        return map;
    }

    /** Ground truths that count for category {@code categoryId} (null: all) in area range {@code a}. */
    private static int countingGroundTruth(CocoScenario s, CocoParams p, Long categoryId, int a) {
        boolean corrected = p.mode() == CocoMode.CORRECTED;
        int n = 0;
        for (Ann ann : s.annotations()) {
            boolean category = categoryId == null || ann.categoryId() == categoryId;
            boolean ignored = ann.crowd() || (corrected && ann.ignore()) || ann.area() < p.areaLo(a)
                    || ann.area() > p.areaHi(a);
            if (category && !ignored) {
                n++;
            }
        }
        return n;
    }

    private static List<Det> perfectDetections(CocoScenario s) {
        return s.annotations().stream().map(a -> new Det(a.imageId(), a.categoryId(), a.x(), a.y(), a.w(), a.h(), 1.0))
                .toList();
    }

    /**
     * Checks area range {@code a} of the tables for detections that copy every ground truth (score 1,
     * so each image ranks them in file order): per (threshold, category, maxDets), tp = number of
     * counting ground truths among the first maxDets detections of each image.
     */
    private static void assertPerfectTables(CocoScenario s, CocoParams p, CocoResult result, int a) {
        PrecisionTable t = result.tables();
        int[] shape = t.shape();
        long[] cats = result.categoryIds();
        for (int k = 0; k < shape[2]; k++) {
            Long cat = p.useCats() ? cats[k] : null;
            int n = countingGroundTruth(s, p, cat, a);
            for (int m = 0; m < shape[4]; m++) {
                int tp = 0;
                for (long image : s.imageIds()) {
                    // pooled categories are gathered in ascending category order, then stably sorted by score
                    List<Det> ranked = s.detections().stream()
                            .filter(d -> d.imageId() == image && (cat == null || d.categoryId() == cat))
                            .sorted(Comparator.comparingLong(Det::categoryId))
                            .toList();
                    for (Det d : ranked.subList(0, Math.min(p.maxDet(m), ranked.size()))) {
                        double area = d.w() * d.h();
                        if (area >= p.areaLo(a) && area <= p.areaHi(a)) {
                            tp++;
                        }
                    }
                }
                double recall = n == 0 ? -1 : (double) tp / n;
                for (int ti = 0; ti < shape[0]; ti++) {
                    if (t.recall(ti, k, a, m) != recall) {
                        fail("recall t=%d k=%d a=%d m=%d is %s, expected %d/%d", ti, k, a, m, t.recall(ti, k, a, m),
                                tp, n);
                    }
                    for (int r = 0; r < shape[1]; r++) {
                        double expected = n == 0 ? -1 : p.recThr(r) <= recall ? tp / (tp + EPS) : 0.0;
                        if (t.precision(ti, r, k, a, m) != expected) {
                            fail("precision t=%d r=%d k=%d a=%d m=%d is %s, expected %s", ti, r, k, a, m,
                                    t.precision(ti, r, k, a, m), expected);
                        }
                    }
                }
            }
        }
    }

    /**
     * Moves {@code d} where its category has no ground truth: onto an image of the scenario lacking
     * that category's ground truth (any ground truth when categories are pooled), or onto a new image.
     */
    /**
     * {@code d} moved to an image where its group (image, and category unless pooled) has no ground
     * truth and fewer detections than the smallest maxDets, or to a new image.
     */
    private static Det placeWithoutGroundTruth(CocoScenario s, Det d, CocoParams p, Random random) {
        boolean useCats = p.useCats();
        int smallestMaxDets = Arrays.stream(p.maxDets()).min().orElseThrow();
        List<Long> free = s.imageIds().stream()
                .filter(img -> s.annotations().stream().noneMatch(
                        a -> a.imageId() == img && (!useCats || a.categoryId() == d.categoryId())))
                .filter(img -> detectionsInGroup(s, p, new Det(img, d.categoryId(), d.x(), d.y(), d.w(), d.h(),
                        d.score())) < smallestMaxDets)
                .toList();
        long image = free.isEmpty() || random.nextInt(4) == 0 ? 1000 + random.nextInt(3) * 500 : free.get(
                random.nextInt(free.size()));
        return new Det(image, d.categoryId(), d.x(), d.y(), d.w(), d.h(), d.score());
    }

    /** Detections already in the evaluation group (image, and category unless pooled) of {@code d}. */
    private static int detectionsInGroup(CocoScenario s, CocoParams p, Det d) {
        return (int) s.detections().stream()
                .filter(x -> x.imageId() == d.imageId() && (!p.useCats() || x.categoryId() == d.categoryId()))
                .count();
    }
}
