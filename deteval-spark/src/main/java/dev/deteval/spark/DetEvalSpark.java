package dev.deteval.spark;

import static org.apache.spark.sql.functions.col;

import dev.deteval.eval.coco.CategoryTables;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.OutcomeMerge;
import dev.deteval.eval.data.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * pycocotools-exact COCO evaluation on Apache Spark, with the result {@link
 * dev.deteval.eval.coco.CocoEvaluator} gives on one machine, bit for bit.
 *
 * <p>Plan (docs/spark.md): both tables are co-grouped by image id; each image is matched in an executor by
 * evaluator-core's {@link dev.deteval.eval.coco.ImageMatch} into compact outcome rows (score, a true-positive
 * and an ignored bit per area range and IoU threshold, per detection; not-ignored ground-truth counts per
 * area range); the rows are repartitioned by category and sorted by image id, and each category is
 * accumulated by {@link OutcomeMerge#accumulate} (the merged score order and the precision/recall tables);
 * the driver assembles the K category slices and summarises them.
 *
 * <p>The number of partitions of both shuffles is the session's {@code spark.sql.shuffle.partitions}
 * (the second at most the number of categories). One category's outcome rows (about 20 bytes per detection
 * plus about 150 per (image, category) group with the default parameters) must fit in one executor's memory.
 */
public final class DetEvalSpark {

    private DetEvalSpark() {
    }

    /**
     * Evaluates with ground truth given as annotations alone: the images are the distinct image ids of the
     * annotations, the categories their distinct category ids (with empty names). A detection on an image
     * without annotations is therefore an error here; pass a {@link SparkGroundTruth} to list such images.
     *
     * @see #evaluate(SparkGroundTruth, Dataset, CocoParams)
     */
    public static CocoResult evaluate(Dataset<Row> groundTruth, Dataset<Row> detections, CocoParams params) {
        Dataset<Row> images = groundTruth.select(col(Columns.IMAGE_ID)).distinct();
        List<Category> categories = new ArrayList<>();
        for (Row r : groundTruth.select(col(Columns.CATEGORY_ID).cast("long")).distinct().collectAsList()) {
            categories.add(Category.of(r.getLong(0), ""));
        }
        return evaluate(new SparkGroundTruth(images, groundTruth, categories), detections, params);
    }

    /**
     * Evaluates {@code detections} against {@code gt}.
     *
     * @param gt images, annotations and categories
     * @param detections {@code image_id, category_id, bbox, score} and optionally {@code area, seq, mask_counts,
     *     mask_height, mask_width, keypoints}
     * @param params the evaluation parameters
     * @return the same result {@link dev.deteval.eval.coco.CocoEvaluator#evaluate} gives for the same data
     * @throws IllegalArgumentException when a column is missing, a detection or an annotation names an image
     *     that is not in {@code gt.images()}, or a row is invalid (the message names the image)
     */
    public static CocoResult evaluate(SparkGroundTruth gt, Dataset<Row> detections, CocoParams params) {
        List<Category> categories = new ArrayList<>(gt.categories());
        categories.sort(Comparator.comparingLong(Category::id));
        long[] ids = categories.stream().mapToLong(Category::id).toArray();
        String[] names = categories.stream().map(Category::name).toArray(String[]::new);
        ParamsCarrier carrier = new ParamsCarrier(params);

        Dataset<Row> g = Columns.groundTruth(gt.images(), gt.annotations());
        Dataset<Row> d = Columns.detections(detections);
        MapFunction<Row, Long> imageOfGt = r -> r.getLong(Columns.G_IMAGE);
        MapFunction<Row, Long> imageOfDt = r -> r.getLong(Columns.D_IMAGE);
        Dataset<Row> outcomes = g.groupByKey(imageOfGt, Encoders.LONG())
                .cogroup(d.groupByKey(imageOfDt, Encoders.LONG()), new ImageTask(carrier, ids, names),
                        Encoders.row(OutcomeSchema.OUTCOME));

        int k = OutcomeMerge.categoryIds(params, categories).length;
        int shuffle = Integer.parseInt(detections.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        Dataset<Row> tables = outcomes
                .repartition(Math.max(1, Math.min(k, shuffle)), col(OutcomeSchema.CATEGORY_ROW))
                .sortWithinPartitions(OutcomeSchema.CATEGORY_ROW, OutcomeSchema.IMAGE_ID)
                .mapPartitions(new CategoryTask(carrier), Encoders.row(OutcomeSchema.CATEGORY));
        return assemble(params, categories, collect(tables));
    }

    /** Runs the job; an invalid row found by an executor surfaces as its IllegalArgumentException. */
    private static List<Row> collect(Dataset<Row> tables) {
        try {
            return tables.collectAsList();
        } catch (Exception e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException bad) {
                    throw new IllegalArgumentException(bad.getMessage(), e);
                }
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }

    private static CocoResult assemble(CocoParams params, List<Category> categories, List<Row> rows) {
        List<CategoryTables> slices = new ArrayList<>();
        long unknown = 0;
        Long missingDt = null;
        Long missingGt = null;
        for (Row r : rows) {
            if (r.getInt(0) >= 0) {
                slices.add(OutcomeSchema.categoryTables(r));
                continue;
            }
            unknown += r.getLong(4);
            missingDt = CategoryTask.min(missingDt, r.isNullAt(5) ? null : r.getLong(5));
            missingGt = CategoryTask.min(missingGt, r.isNullAt(6) ? null : r.getLong(6));
        }
        if (missingDt != null) {
            throw new IllegalArgumentException("a detection refers to image " + missingDt
                    + ", which is not in the ground truth");
        }
        if (missingGt != null) {
            throw new IllegalArgumentException("an annotation refers to image " + missingGt
                    + ", which is not among the ground truth's images");
        }
        return OutcomeMerge.result(params, categories, slices, unknown);
    }
}
