package dev.deteval.spark;

import dev.deteval.eval.coco.CategoryTables;
import dev.deteval.eval.coco.OutcomeRows;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows that travel between the stages. Outcome rows: one per (image, category) group, the
 * {@link OutcomeRows} with its arrays packed as binary ({@link Packing}). Statistics rows
 * ({@code category_row} -1): detections of unknown categories, and an image id that is missing from the
 * images table. Category rows: one category's {@link CategoryTables}, or the summed statistics.
 */
final class OutcomeSchema {

    static final String CATEGORY_ROW = "category_row";
    static final String IMAGE_ID = "image_id";

    static final StructType OUTCOME = new StructType(new StructField[] {
        DataTypes.createStructField(CATEGORY_ROW, DataTypes.IntegerType, false),
        DataTypes.createStructField("category_id", DataTypes.LongType, false),
        DataTypes.createStructField(IMAGE_ID, DataTypes.LongType, false),
        DataTypes.createStructField("bits", DataTypes.IntegerType, false),
        DataTypes.createStructField("scores", DataTypes.BinaryType, true),
        DataTypes.createStructField("tp", DataTypes.BinaryType, true),
        DataTypes.createStructField("ignored", DataTypes.BinaryType, true),
        DataTypes.createStructField("npig", DataTypes.BinaryType, true),
        DataTypes.createStructField("unknown", DataTypes.LongType, false),
        DataTypes.createStructField("missing_dt_image", DataTypes.LongType, true),
        DataTypes.createStructField("missing_gt_image", DataTypes.LongType, true),
    });

    static final StructType CATEGORY = new StructType(new StructField[] {
        DataTypes.createStructField(CATEGORY_ROW, DataTypes.IntegerType, false),
        DataTypes.createStructField("precision", DataTypes.BinaryType, true),
        DataTypes.createStructField("recall", DataTypes.BinaryType, true),
        DataTypes.createStructField("scores", DataTypes.BinaryType, true),
        DataTypes.createStructField("unknown", DataTypes.LongType, false),
        DataTypes.createStructField("missing_dt_image", DataTypes.LongType, true),
        DataTypes.createStructField("missing_gt_image", DataTypes.LongType, true),
    });

    private OutcomeSchema() {
    }

    static Row outcome(OutcomeRows r) {
        return RowFactory.create(r.categoryRow(), r.categoryId(), r.imageId(), r.bits(), Packing.doubles(r.scores()),
                Packing.longs(r.tp()), Packing.longs(r.ignored()), Packing.ints(r.npig()), 0L, null, null);
    }

    static Row stats(long unknown, Long missingDtImage, Long missingGtImage) {
        return RowFactory.create(-1, -1L, missingDtImage != null ? missingDtImage
                : missingGtImage != null ? missingGtImage : Long.MIN_VALUE, 0, null, null, null, null, unknown,
                missingDtImage, missingGtImage);
    }

    static OutcomeRows outcomeRows(Row r) {
        return new OutcomeRows(r.getInt(0), r.getLong(1), r.getLong(2), r.getInt(3), Packing.doubles((byte[]) r.get(4)),
                Packing.longs((byte[]) r.get(5)), Packing.longs((byte[]) r.get(6)), Packing.ints((byte[]) r.get(7)));
    }

    static Row category(CategoryTables t) {
        return RowFactory.create(t.categoryRow(), Packing.doubles(t.precision()), Packing.doubles(t.recall()),
                Packing.doubles(t.scores()), 0L, null, null);
    }

    static Row categoryStats(long unknown, Long missingDtImage, Long missingGtImage) {
        return RowFactory.create(-1, null, null, null, unknown, missingDtImage, missingGtImage);
    }

    static CategoryTables categoryTables(Row r) {
        return new CategoryTables(r.getInt(0), Packing.doubles((byte[]) r.get(1)), Packing.doubles((byte[]) r.get(2)),
                Packing.doubles((byte[]) r.get(3)));
    }
}
