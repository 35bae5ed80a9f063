package dev.deteval.eval.coco;

import dev.deteval.eval.coco.CocoScenario.Ann;
import dev.deteval.eval.coco.CocoScenario.Det;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of small COCO inputs: one to four images, one to three categories, up to twelve
 * ground truths and twenty detections, all boxes on an 8-pixel grid (sizes 8 to 128, so the area
 * boundaries 32² and 96² are hit exactly) so that overlaps, equal IoUs and tied scores happen often.
 * Detections are mostly jittered copies of ground-truth boxes; scores are tenths (ties are common).
 */
final class CocoScenarios {

    static final int GRID = 8;

    private CocoScenarios() {
    }

    /** What kind of ground truth an annotation is. */
    enum Kind {
        PLAIN, CROWD, IGNORE_FLAG, AREA_FIELD_HALF
    }

    record BoxSpec(int gx, int gy, int gw, int gh) {
        double x() {
            return gx * GRID;
        }

        double y() {
            return gy * GRID;
        }

        double w() {
            return gw * GRID;
        }

        double h() {
            return gh * GRID;
        }
    }

    record AnnSpec(int imageSlot, int catSlot, BoxSpec box, Kind kind) {
    }

    /** A detection: a jittered copy of ground truth {@code gtRef} (when >= 0 and present) or a free box. */
    record DetSpec(int imageSlot, int catSlot, int gtRef, BoxSpec box, int[] jitter, int scoreLevel) {
    }

    /** Any input: crowd regions, ignore flags and area fields that differ from w*h included. */
    static Arbitrary<CocoScenario> scenarios() {
        return scenarios(Arbitraries.frequency(Tuple.of(12, Kind.PLAIN), Tuple.of(1, Kind.CROWD),
                Tuple.of(1, Kind.IGNORE_FLAG), Tuple.of(1, Kind.AREA_FIELD_HALF)), false);
    }

    /** Inputs without crowd regions, ignore flags or special area fields (area = w*h). */
    static Arbitrary<CocoScenario> plainScenarios() {
        return scenarios(Arbitraries.just(Kind.PLAIN), false);
    }

    /**
     * Plain inputs whose ground-truth boxes of one image never overlap: each sits in its own
     * 160-pixel cell.
     */
    static Arbitrary<CocoScenario> spreadScenarios() {
        return scenarios(Arbitraries.just(Kind.PLAIN), true);
    }

    private static Arbitrary<CocoScenario> scenarios(Arbitrary<Kind> kinds, boolean spread) {
        Arbitrary<List<Long>> images = Arbitraries.longs().between(1, 40).list().uniqueElements().ofMinSize(1)
                .ofMaxSize(4);
        Arbitrary<List<Long>> categories = Arbitraries.longs().between(1, 20).list().uniqueElements().ofMinSize(1)
                .ofMaxSize(3);
        Arbitrary<List<AnnSpec>> anns = Combinators.combine(slot(), slot(), boxes(), kinds).as(AnnSpec::new).list()
                .ofMaxSize(12);
        Arbitrary<List<DetSpec>> dets = detSpecs().list().ofMaxSize(20);
        return Combinators.combine(images, categories, anns, dets)
                .as((i, c, a, d) -> build(i, c, a, d, spread));
    }

    /** A detection description: 70% a jittered copy of a ground truth, else a free box; score level 1..10. */
    static Arbitrary<DetSpec> detSpecs() {
        Arbitrary<int[]> jitter = Arbitraries.of(-8, -4, 0, 0, 0, 4, 8).array(int[].class).ofSize(4);
        Arbitrary<Integer> gtRef = Arbitraries.frequency(Tuple.of(3, -1), Tuple.of(7, 0))
                .flatMap(r -> r < 0 ? Arbitraries.just(-1) : Arbitraries.integers().between(0, 11));
        return Combinators.combine(slot(), slot(), gtRef, boxes(), jitter, Arbitraries.integers().between(1, 10))
                .as(DetSpec::new);
    }

    private static Arbitrary<Integer> slot() {
        return Arbitraries.integers().between(0, 3);
    }

    private static Arbitrary<BoxSpec> boxes() {
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> size = Arbitraries.of(1, 2, 3, 4, 4, 5, 6, 8, 12, 12, 13, 16);
        return Combinators.combine(pos, pos, size, size).as(BoxSpec::new);
    }

    static CocoScenario build(List<Long> images, List<Long> categories, List<AnnSpec> annSpecs,
            List<DetSpec> detSpecs, boolean spread) {
        List<Ann> anns = new ArrayList<>();
        int[] cellsUsed = new int[images.size()];
        for (AnnSpec s : annSpecs) {
            int img = s.imageSlot() % images.size();
            long imageId = images.get(img);
            long catId = categories.get(s.catSlot() % categories.size());
            BoxSpec b = s.box();
            double x = b.x();
            double y = b.y();
            if (spread) {
                int cell = cellsUsed[img]++;
                x = (cell % 4) * 160 + b.gx();
                y = (cell / 4) * 160 + b.gy();
            }
            double area = b.w() * b.h();
            anns.add(new Ann(anns.size() + 1, imageId, catId, x, y, b.w(), b.h(),
                    s.kind() == Kind.AREA_FIELD_HALF ? area / 2 : area, s.kind() == Kind.CROWD,
                    s.kind() == Kind.IGNORE_FLAG));
        }
        List<Det> dets = new ArrayList<>();
        for (DetSpec s : detSpecs) {
            dets.add(detection(images, categories, anns, s, s.scoreLevel() / 10.0));
        }
        return new CocoScenario(images, categories, anns, dets);
    }

    /** One more detection for {@code scenario}, described by {@code spec}, with the given score. */
    static Det detection(CocoScenario scenario, DetSpec spec, double score) {
        return detection(scenario.imageIds(), scenario.categoryIds(), scenario.annotations(), spec, score);
    }

    private static Det detection(List<Long> images, List<Long> categories, List<Ann> anns, DetSpec s, double score) {
        if (s.gtRef() >= 0 && s.gtRef() < anns.size()) {
            Ann a = anns.get(s.gtRef());
            int[] j = s.jitter();
            return new Det(a.imageId(), a.categoryId(), a.x() + j[0], a.y() + j[1], Math.max(4, a.w() + j[2]),
                    Math.max(4, a.h() + j[3]), score);
        }
        BoxSpec b = s.box();
        return new Det(images.get(s.imageSlot() % images.size()), categories.get(s.catSlot() % categories.size()),
                b.x(), b.y(), b.w(), b.h(), score);
    }

    /** Parameters: either mode, categories used or pooled, default maxDets or a small list that cuts. */
    static Arbitrary<CocoParams> params() {
        Arbitrary<CocoMode> modes = Arbitraries.of(CocoMode.values());
        Arbitrary<Boolean> useCats = Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false));
        Arbitrary<int[]> maxDets = Arbitraries.of(new int[] {1, 10, 100}, new int[] {1, 2, 3});
        return Combinators.combine(modes, useCats, maxDets)
                .as((mode, cats, md) -> CocoParams.builder(mode).optUseCats(cats).optMaxDets(md).build());
    }

    /** Parameters with categories evaluated separately and the default maxDets. */
    static Arbitrary<CocoParams> defaultParamsEitherMode() {
        return Arbitraries.of(CocoMode.values()).map(mode -> CocoParams.builder(mode).build());
    }
}
