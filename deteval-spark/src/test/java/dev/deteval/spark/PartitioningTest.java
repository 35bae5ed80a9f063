package dev.deteval.spark;

import static org.apache.spark.sql.functions.rand;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: however Spark partitions the input rows and the shuffles (1, 2, 7 or 64 partitions, rows
 * dealt out in a random order), the result equals {@link CocoEvaluator}'s on the same data bit for bit.
 * The random data has scores on a coarse grid, so ties within and across images are common, plus crowd
 * boxes, all area ranges and images without ground truth or without detections.
 */
final class PartitioningTest {

    static Stream<Arguments> partitionings() {
        return Stream.of(Arguments.of(11L, 1, "defaults"), Arguments.of(12L, 2, "maxDets 1, 3, 100"),
                Arguments.of(13L, 7, "catIds and imgIds"), Arguments.of(14L, 64, "defaults"),
                Arguments.of(15L, 7, "useCats 0"));
    }

    @ParameterizedTest(name = "seed {0}, {1} partitions, {2}")
    @MethodSource("partitionings")
    void evaluate_randomPartitioning_equalsSingleMachine(long seed, int partitions, String variant) {
        Random random = new Random(seed);
        GroundTruth gt = randomGroundTruth(random, 60, 5);
        Detections dt = randomDetections(random, gt, 5);
        long[] images = gt.sortedImageIds();
        CocoParams params = switch (variant) {
            case "maxDets 1, 3, 100" -> CocoParams.builder(CocoMode.COMPAT).optMaxDets(1, 3, 100).build();
            case "catIds and imgIds" -> CocoParams.builder(CocoMode.COMPAT).optCatIds(3, 9, 12)
                    .optImgIds(java.util.Arrays.copyOf(images, images.length / 2)).build();
            case "useCats 0" -> CocoParams.builder(CocoMode.COMPAT).optUseCats(false).build();
            default -> CocoParams.defaults();
        };
        CocoResult single = CocoEvaluator.evaluate(gt, dt, params);

        LocalSpark.shufflePartitions(partitions);
        try {
            SparkGroundTruth sgt = CocoFrames.groundTruth(LocalSpark.get(), gt);
            SparkGroundTruth shuffled = new SparkGroundTruth(deal(sgt.images(), partitions, seed),
                    deal(sgt.annotations(), partitions, seed + 1), sgt.categories());
            Dataset<Row> detections = deal(CocoFrames.detections(LocalSpark.get(), dt), partitions, seed + 2);
            Parity.assertSameResult(DetEvalSpark.evaluate(shuffled, detections, params), single);
        } finally {
            LocalSpark.shufflePartitions(3);
        }
    }

    /** The rows in a random order, in {@code n} partitions. */
    private static Dataset<Row> deal(Dataset<Row> rows, int n, long seed) {
        return rows.repartition(n, rand(seed));
    }

    static GroundTruth randomGroundTruth(Random random, int images, int categories) {
        GroundTruth.Builder b = GroundTruth.builder();
        for (int c = 1; c <= categories; c++) {
            b.addCategory(c * 3L, "c" + c);
        }
        long id = 1;
        for (int i = 0; i < images; i++) {
            long image = 1000 - 7L * i; // ids not in insertion order
            b.addImage(image, 640, 480, "");
            int objects = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(6);
            for (int o = 0; o < objects; o++) {
                double w = 2 + random.nextInt(150);
                double h = 2 + random.nextInt(150);
                b.addAnnotation(id++, image, 3L * (1 + random.nextInt(categories)), random.nextInt(400),
                        random.nextInt(300), w, h, w * h * (0.5 + random.nextDouble() / 2), random.nextInt(8) == 0,
                        false);
            }
        }
        return b.build();
    }

    static Detections randomDetections(Random random, GroundTruth gt, int categories) {
        Detections.Builder b = Detections.builder();
        long[] images = gt.sortedImageIds();
        long[] annImages = gt.imageIdColumn();
        long[] annCats = gt.categoryIdColumn();
        double[] boxes = gt.boxColumn();
        for (int i = 0; i < annImages.length; i++) {
            if (random.nextInt(4) != 0) { // a jittered copy of most ground truths
                b.add(annImages[i], annCats[i], boxes[4 * i] + random.nextInt(9) - 4,
                        boxes[4 * i + 1] + random.nextInt(9) - 4, boxes[4 * i + 2], boxes[4 * i + 3],
                        random.nextInt(10) / 10.0);
            }
        }
        for (int i = 0; i < 3 * images.length; i++) { // false positives, some in images without ground truth
            b.add(images[random.nextInt(images.length)], 3L * (1 + random.nextInt(categories)), random.nextInt(500),
                    random.nextInt(400), 1 + random.nextInt(120), 1 + random.nextInt(120), random.nextInt(10) / 10.0);
        }
        return b.build();
    }
}
