package dev.deteval.spark;

import dev.deteval.eval.data.Category;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * COCO ground truth as Spark tables: the images (every image evaluated, with or without annotations),
 * the annotations, and the categories (a short list, kept on the driver). Column schemas: docs/spark.md.
 *
 * @param images at least {@code image_id}
 * @param annotations {@code image_id, category_id, id, bbox, area} and optionally {@code iscrowd, ignore,
 *     seq, mask_counts, mask_height, mask_width, keypoints, num_keypoints}
 * @param categories every category of the ground truth (ids and names)
 */
public record SparkGroundTruth(Dataset<Row> images, Dataset<Row> annotations, List<Category> categories) {

    /** Checks for nulls and copies the category list. */
    public SparkGroundTruth {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(annotations, "annotations");
        categories = List.copyOf(categories);
    }
}
