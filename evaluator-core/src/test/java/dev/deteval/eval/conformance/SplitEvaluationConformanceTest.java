package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deteval.eval.coco.CategoryTables;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.ImageMatch;
import dev.deteval.eval.coco.OutcomeMerge;
import dev.deteval.eval.coco.OutcomeRows;
import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.data.KeypointColumn;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import dev.deteval.eval.mask.Rle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The split evaluation ({@link ImageMatch} per image, {@link OutcomeMerge} per category), the path
 * deteval-spark runs in executors, gives {@link CocoEvaluator}'s tables bit for bit on every COCO
 * conformance case (bbox, segm, keypoints), and the stats pycocotools gives (expected.json, 1e-12).
 */
final class SplitEvaluationConformanceTest {

    static List<ConformanceCase> cocoCases() {
        return ConformanceCase.all().stream()
                .filter(c -> c.kind().equals("coco") && c.status().equals("ok")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cocoCases")
    void matchAndMerge_conformanceCase_equalsSingleMachineBitForBit(ConformanceCase c) {
        CocoParams params = c.paramsFile() == null ? CocoParams.defaults()
                : CocoParamsReader.read(c.paramsFile(), CocoMode.COMPAT);
        CocoJsonReader reader = new CocoJsonReader(params.iouType());
        GroundTruth gt = reader.readGroundTruth(c.gt());
        Detections dt = reader.readResults(c.dt(), gt);
        CocoResult single = CocoEvaluator.evaluate(gt, dt, params);

        CocoResult split = splitEvaluate(gt, dt, params);

        assertThat(split.tables().precisionArray()).isEqualTo(single.tables().precisionArray());
        assertThat(split.tables().recallArray()).isEqualTo(single.tables().recallArray());
        assertThat(split.tables().scoresArray()).isEqualTo(single.tables().scoresArray());
        assertThat(split.summary().stats()).isEqualTo(single.summary().stats());
        assertThat(split.perCategory()).isEqualTo(single.perCategory());
        assertThat(split.categoryIds()).isEqualTo(single.categoryIds());
        assertThat(split.warnings()).isEqualTo(single.warnings());
        JsonNode stats = c.expected().get("coco").get("stats");
        for (int i = 0; i < stats.size(); i++) {
            assertThat(split.summary().stats()[i]).as("%s stats[%d]", c, i)
                    .isCloseTo(stats.get(i).asDouble(), within(1e-12));
        }
    }

    /** Image by image through {@link ImageMatch}, then category by category through {@link OutcomeMerge}. */
    static CocoResult splitEvaluate(GroundTruth gt, Detections dt, CocoParams params) {
        Map<Integer, List<OutcomeRows>> byCategory = new TreeMap<>();
        for (long image : gt.sortedImageIds()) {
            for (OutcomeRows rows : ImageMatch.match(imageGt(gt, image), imageDt(dt, image), params)) {
                byCategory.computeIfAbsent(rows.categoryRow(), k -> new ArrayList<>()).add(rows);
            }
        }
        List<CategoryTables> slices = new ArrayList<>();
        byCategory.forEach((k, groups) -> slices.add(OutcomeMerge.accumulate(params, k, groups)));
        long[] known = gt.categories().stream().mapToLong(Category::id).sorted().toArray();
        long unknown = Arrays.stream(dt.categoryIdColumn()).filter(id -> Arrays.binarySearch(known, id) < 0).count();
        return OutcomeMerge.result(params, gt.categories(), slices, unknown);
    }

    private static GroundTruth imageGt(GroundTruth gt, long image) {
        GroundTruth.Builder b = GroundTruth.builder();
        for (int i = 0; i < gt.imageCount(); i++) {
            if (gt.imageId(i) == image) {
                b.addImage(image, gt.imageWidth(i), gt.imageHeight(i), gt.imageFileName(i));
            }
        }
        gt.categories().forEach(b::addCategory);
        long[] images = gt.imageIdColumn();
        long[] ids = gt.annotationIdColumn();
        long[] cats = gt.categoryIdColumn();
        double[] boxes = gt.boxColumn();
        double[] areas = gt.areaColumn();
        boolean[] crowd = gt.crowdColumn();
        boolean[] ignore = gt.ignoreColumn();
        Rle[] masks = gt.maskColumn();
        KeypointColumn kps = gt.keypoints();
        double[] kpValues = kps.values();
        int[] numKeypoints = gt.numKeypointsColumn();
        int added = 0;
        for (int i = 0; i < images.length; i++) {
            if (images[i] != image) {
                continue;
            }
            b.addAnnotation(ids[i], image, cats[i], boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2],
                    boxes[4 * i + 3], areas[i], crowd[i], ignore[i]);
            if (masks != null && masks[i] != null) {
                b.mask(added, masks[i]);
            }
            if (kps.count(i) > 0 || numKeypoints[i] != 0) {
                b.keypoints(added, Arrays.copyOfRange(kpValues, kps.start(i), kps.start(i) + 3 * kps.count(i)),
                        numKeypoints[i]);
            }
            added++;
        }
        return b.build();
    }

    private static Detections imageDt(Detections dt, long image) {
        Detections.Builder b = Detections.builder();
        long[] images = dt.imageIdColumn();
        long[] cats = dt.categoryIdColumn();
        double[] boxes = dt.boxColumn();
        double[] scores = dt.scoreColumn();
        double[] areas = dt.areaColumn();
        Rle[] masks = dt.maskColumn();
        KeypointColumn kps = dt.keypoints();
        double[] kpValues = kps == null ? null : kps.values();
        for (int i = 0; i < images.length; i++) {
            if (images[i] != image) {
                continue;
            }
            b.add(image, cats[i], boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3], scores[i])
                    .area(areas[i]);
            if (masks != null && masks[i] != null) {
                b.mask(masks[i]);
            }
            if (kps != null && kps.count(i) > 0) {
                b.keypoints(Arrays.copyOfRange(kpValues, kps.start(i), kps.start(i) + 3 * kps.count(i)));
            }
        }
        return b.build();
    }
}
