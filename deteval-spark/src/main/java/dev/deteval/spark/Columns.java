package dev.deteval.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The column schemas {@link DetEvalSpark} reads, and their normalisation to a fixed order and fixed
 * types (ids cast to {@code long}, boxes to {@code array<double>}, flags to {@code boolean}); absent
 * optional columns become nulls or their defaults. See docs/spark.md for the table of columns.
 */
final class Columns {

    static final String IMAGE_ID = "image_id";
    static final String CATEGORY_ID = "category_id";
    static final String ID = "id";
    static final String BBOX = "bbox";
    static final String AREA = "area";
    static final String ISCROWD = "iscrowd";
    static final String IGNORE = "ignore";
    static final String SCORE = "score";
    static final String SEQ = "seq";
    static final String MASK_COUNTS = "mask_counts";
    static final String MASK_HEIGHT = "mask_height";
    static final String MASK_WIDTH = "mask_width";
    static final String KEYPOINTS = "keypoints";
    static final String NUM_KEYPOINTS = "num_keypoints";
    static final String IS_IMAGE = "is_image";

    // positions in the normalised ground-truth rows (annotations and image markers)
    static final int G_IMAGE = 0;
    static final int G_CATEGORY = 1;
    static final int G_ID = 2;
    static final int G_BBOX = 3;
    static final int G_AREA = 4;
    static final int G_CROWD = 5;
    static final int G_IGNORE = 6;
    static final int G_SEQ = 7;
    static final int G_MASK_COUNTS = 8;
    static final int G_MASK_HEIGHT = 9;
    static final int G_MASK_WIDTH = 10;
    static final int G_KEYPOINTS = 11;
    static final int G_NUM_KEYPOINTS = 12;
    static final int G_IS_IMAGE = 13;

    // positions in the normalised detection rows
    static final int D_IMAGE = 0;
    static final int D_CATEGORY = 1;
    static final int D_BBOX = 2;
    static final int D_SCORE = 3;
    static final int D_AREA = 4;
    static final int D_SEQ = 5;
    static final int D_MASK_COUNTS = 6;
    static final int D_MASK_HEIGHT = 7;
    static final int D_MASK_WIDTH = 8;
    static final int D_KEYPOINTS = 9;

    // arrays whose elements may be null, so that any array column casts; a null element is reported per row
    private static final DataType BOX = DataTypes.createArrayType(DataTypes.DoubleType, true);
    private static final DataType COUNTS = DataTypes.createArrayType(DataTypes.IntegerType, true);
    private static final DataType POINTS = DataTypes.createArrayType(DataTypes.DoubleType, true);

    private Columns() {
    }

    /**
     * Ground-truth annotations in the fixed order, followed by one marker row per image
     * ({@code is_image} true, everything else null), so that one co-group per image sees both.
     */
    static Dataset<Row> groundTruth(Dataset<Row> images, Dataset<Row> annotations) {
        List<String> have = Arrays.asList(annotations.columns());
        for (String required : List.of(IMAGE_ID, CATEGORY_ID, ID, BBOX, AREA)) {
            requireColumn(have, required, "ground truth");
        }
        Dataset<Row> anns = annotations.select(
                col(IMAGE_ID).cast(DataTypes.LongType).as(IMAGE_ID),
                col(CATEGORY_ID).cast(DataTypes.LongType).as(CATEGORY_ID),
                col(ID).cast(DataTypes.LongType).as(ID),
                col(BBOX).cast(BOX).as(BBOX),
                col(AREA).cast(DataTypes.DoubleType).as(AREA),
                optional(have, ISCROWD, DataTypes.BooleanType, lit(false)),
                optional(have, IGNORE, DataTypes.BooleanType, lit(false)),
                optional(have, SEQ, DataTypes.LongType, monotonically_increasing_id()),
                optional(have, MASK_COUNTS, COUNTS, null),
                optional(have, MASK_HEIGHT, DataTypes.IntegerType, null),
                optional(have, MASK_WIDTH, DataTypes.IntegerType, null),
                optional(have, KEYPOINTS, POINTS, null),
                optional(have, NUM_KEYPOINTS, DataTypes.IntegerType, lit(0)),
                lit(false).as(IS_IMAGE));
        requireColumn(Arrays.asList(images.columns()), IMAGE_ID, "images");
        Dataset<Row> markers = images.select(col(IMAGE_ID).cast(DataTypes.LongType).as(IMAGE_ID),
                lit(null).cast(DataTypes.LongType).as(CATEGORY_ID),
                lit(null).cast(DataTypes.LongType).as(ID),
                lit(null).cast(BOX).as(BBOX),
                lit(null).cast(DataTypes.DoubleType).as(AREA),
                lit(null).cast(DataTypes.BooleanType).as(ISCROWD),
                lit(null).cast(DataTypes.BooleanType).as(IGNORE),
                lit(null).cast(DataTypes.LongType).as(SEQ),
                lit(null).cast(COUNTS).as(MASK_COUNTS),
                lit(null).cast(DataTypes.IntegerType).as(MASK_HEIGHT),
                lit(null).cast(DataTypes.IntegerType).as(MASK_WIDTH),
                lit(null).cast(POINTS).as(KEYPOINTS),
                lit(null).cast(DataTypes.IntegerType).as(NUM_KEYPOINTS),
                lit(true).as(IS_IMAGE));
        return anns.unionAll(markers);
    }

    /** Detections in the fixed order; {@code area} stays null when absent (then {@code w * h}). */
    static Dataset<Row> detections(Dataset<Row> detections) {
        List<String> have = Arrays.asList(detections.columns());
        for (String required : List.of(IMAGE_ID, CATEGORY_ID, BBOX, SCORE)) {
            requireColumn(have, required, "detections");
        }
        return detections.select(
                col(IMAGE_ID).cast(DataTypes.LongType).as(IMAGE_ID),
                col(CATEGORY_ID).cast(DataTypes.LongType).as(CATEGORY_ID),
                col(BBOX).cast(BOX).as(BBOX),
                col(SCORE).cast(DataTypes.DoubleType).as(SCORE),
                optional(have, AREA, DataTypes.DoubleType, null),
                optional(have, SEQ, DataTypes.LongType, monotonically_increasing_id()),
                optional(have, MASK_COUNTS, COUNTS, null),
                optional(have, MASK_HEIGHT, DataTypes.IntegerType, null),
                optional(have, MASK_WIDTH, DataTypes.IntegerType, null),
                optional(have, KEYPOINTS, POINTS, null));
    }

    private static Column optional(List<String> have, String name, DataType type, Column fallback) {
        Column c = have.contains(name) ? col(name) : (fallback == null ? lit(null) : fallback);
        return c.cast(type).as(name);
    }

    private static void requireColumn(List<String> have, String name, String what) {
        if (!have.contains(name)) {
            throw new IllegalArgumentException("the " + what + " have no column '" + name + "' (columns: "
                    + String.join(", ", have) + "); see docs/spark.md for the schema");
        }
    }
}
