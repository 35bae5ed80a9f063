package dev.deteval.eval.coco;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * A small COCO input held as plain lists, so that property tests can reorder, relabel and extend it
 * before turning it into {@link GroundTruth} and {@link Detections}. Category {@code i} of
 * {@link #categoryIds()} is named {@code "cat" + i}, so a relabelled category keeps its name.
 *
 * @param imageIds image ids in ground-truth file order
 * @param categoryIds category ids in ground-truth file order
 * @param annotations ground-truth annotations in file order
 * @param detections detections in results file order
 */
record CocoScenario(List<Long> imageIds, List<Long> categoryIds, List<Ann> annotations, List<Det> detections) {

    CocoScenario {
        imageIds = List.copyOf(imageIds);
        categoryIds = List.copyOf(categoryIds);
        annotations = List.copyOf(annotations);
        detections = List.copyOf(detections);
    }

    /** A ground-truth annotation. */
    record Ann(long id, long imageId, long categoryId, double x, double y, double w, double h, double area,
            boolean crowd, boolean ignore) {

        Ann withBox(double nx, double ny, double nw, double nh, double narea) {
            return new Ann(id, imageId, categoryId, nx, ny, nw, nh, narea, crowd, ignore);
        }

        String group() {
            return imageId + "/" + categoryId;
        }
    }

    /** A detection. */
    record Det(long imageId, long categoryId, double x, double y, double w, double h, double score) {

        Det withBox(double nx, double ny, double nw, double nh) {
            return new Det(imageId, categoryId, nx, ny, nw, nh, score);
        }

        Det withScore(double s) {
            return new Det(imageId, categoryId, x, y, w, h, s);
        }

        String group() {
            return imageId + "/" + categoryId;
        }
    }

    GroundTruth groundTruth() {
        GroundTruth.Builder b = GroundTruth.builder();
        for (long id : imageIds) {
            b.addImage(id, 640, 480, "img" + id + ".jpg");
        }
        for (int i = 0; i < categoryIds.size(); i++) {
            b.addCategory(categoryIds.get(i), "cat" + i);
        }
        for (Ann a : annotations) {
            b.addAnnotation(a.id, a.imageId, a.categoryId, a.x, a.y, a.w, a.h, a.area, a.crowd, a.ignore);
        }
        return b.build();
    }

    Detections detectionColumns() {
        Detections.Builder b = Detections.builder();
        for (Det d : detections) {
            b.add(d.imageId, d.categoryId, d.x, d.y, d.w, d.h, d.score);
        }
        return b.build();
    }

    CocoResult evaluate(CocoParams params) {
        return CocoEvaluator.evaluate(groundTruth(), detectionColumns(), params, false);
    }

    CocoScenario withDetections(List<Det> dets) {
        return new CocoScenario(imageIds, categoryIds, annotations, dets);
    }

    CocoScenario withAnnotations(List<Ann> anns) {
        return new CocoScenario(imageIds, categoryIds, anns, detections);
    }

    CocoScenario plusDetection(Det d) {
        List<Det> dets = new ArrayList<>(detections);
        dets.add(d);
        return withDetections(dets);
    }

    /** Applies {@code map} to every image id, in the image list, the annotations and the detections. */
    CocoScenario relabelImages(LongUnaryOperator map) {
        return new CocoScenario(imageIds.stream().map(map::applyAsLong).toList(), categoryIds,
                annotations.stream().map(a -> new Ann(a.id, map.applyAsLong(a.imageId), a.categoryId, a.x, a.y, a.w,
                        a.h, a.area, a.crowd, a.ignore)).toList(),
                detections.stream().map(d -> new Det(map.applyAsLong(d.imageId), d.categoryId, d.x, d.y, d.w, d.h,
                        d.score)).toList());
    }

    /** Applies {@code map} to every category id (names follow, as they are positional). */
    CocoScenario relabelCategories(LongUnaryOperator map) {
        return new CocoScenario(imageIds, categoryIds.stream().map(map::applyAsLong).toList(),
                annotations.stream().map(a -> new Ann(a.id, a.imageId, map.applyAsLong(a.categoryId), a.x, a.y, a.w,
                        a.h, a.area, a.crowd, a.ignore)).toList(),
                detections.stream().map(d -> new Det(d.imageId, map.applyAsLong(d.categoryId), d.x, d.y, d.w, d.h,
                        d.score)).toList());
    }

    /** Applies {@code map} to every annotation id. */
    CocoScenario relabelAnnotations(LongUnaryOperator map) {
        return withAnnotations(annotations.stream().map(a -> new Ann(map.applyAsLong(a.id), a.imageId, a.categoryId,
                a.x, a.y, a.w, a.h, a.area, a.crowd, a.ignore)).toList());
    }

    /** Transforms every box of the ground truth and the detections (areas follow via {@code areaMap}). */
    CocoScenario mapBoxes(UnaryOperator<double[]> box, UnaryOperator<Double> areaMap) {
        return new CocoScenario(imageIds, categoryIds, annotations.stream().map(a -> {
            double[] b = box.apply(new double[] {a.x, a.y, a.w, a.h});
            return a.withBox(b[0], b[1], b[2], b[3], areaMap.apply(a.area));
        }).toList(), detections.stream().map(d -> {
            double[] b = box.apply(new double[] {d.x, d.y, d.w, d.h});
            return d.withBox(b[0], b[1], b[2], b[3]);
        }).toList());
    }

    /** The same detections with distinct scores 1/(n+1), …, n/(n+1) in a random assignment. */
    CocoScenario withDistinctScores(Random random) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            ranks.add(i + 1);
        }
        Collections.shuffle(ranks, random);
        List<Det> dets = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            dets.add(detections.get(i).withScore(ranks.get(i) / (detections.size() + 1.0)));
        }
        return withDetections(dets);
    }

    /** True when no two detections share a score. */
    boolean scoresDistinct() {
        return detections.stream().map(Det::score).distinct().count() == detections.size();
    }

    /**
     * A random interleaving of {@code items} that keeps the relative order of the items of each group:
     * the only reorderings COCO evaluation must not notice.
     */
    static <T> List<T> interleaveKeepingGroupOrder(List<T> items, Function<T, String> group, Random random) {
        Map<String, List<T>> queues = new LinkedHashMap<>();
        for (T item : items) {
            queues.computeIfAbsent(group.apply(item), g -> new ArrayList<>()).add(item);
        }
        List<List<T>> groups = new ArrayList<>(queues.values());
        int[] cursor = new int[groups.size()];
        List<Integer> pending = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            pending.add(g);
        }
        List<T> out = new ArrayList<>(items.size());
        while (!pending.isEmpty()) {
            int slot = random.nextInt(pending.size());
            int g = pending.get(slot);
            out.add(groups.get(g).get(cursor[g]++));
            if (cursor[g] == groups.get(g).size()) {
                pending.remove(slot);
            }
        }
        return out;
    }

    static <T> List<T> shuffled(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
