package dev.deteval.spark;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.data.KeypointColumn;
import dev.deteval.eval.mask.Rle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * evaluator-core's columnar {@link GroundTruth} and {@link Detections} as Spark tables in the schema
 * {@link DetEvalSpark} reads, with {@code seq} set to the input order (so ties are broken as in the file
 * however Spark partitions the rows). Built on the driver: meant for data that was read on one machine
 * (a COCO JSON file), not for tables that already live in the cluster.
 */
public final class CocoFrames {

    private static final StructType IMAGES = new StructType(new StructField[] {
        DataTypes.createStructField(Columns.IMAGE_ID, DataTypes.LongType, false),
    });

    private static final StructType ANNOTATIONS = new StructType(new StructField[] {
        DataTypes.createStructField(Columns.IMAGE_ID, DataTypes.LongType, false),
        DataTypes.createStructField(Columns.CATEGORY_ID, DataTypes.LongType, false),
        DataTypes.createStructField(Columns.ID, DataTypes.LongType, false),
        DataTypes.createStructField(Columns.BBOX, DataTypes.createArrayType(DataTypes.DoubleType, false), false),
        DataTypes.createStructField(Columns.AREA, DataTypes.DoubleType, false),
        DataTypes.createStructField(Columns.ISCROWD, DataTypes.BooleanType, false),
        DataTypes.createStructField(Columns.IGNORE, DataTypes.BooleanType, false),
        DataTypes.createStructField(Columns.SEQ, DataTypes.LongType, false),
        DataTypes.createStructField(Columns.MASK_COUNTS, DataTypes.createArrayType(DataTypes.IntegerType, false), true),
        DataTypes.createStructField(Columns.MASK_HEIGHT, DataTypes.IntegerType, true),
        DataTypes.createStructField(Columns.MASK_WIDTH, DataTypes.IntegerType, true),
        DataTypes.createStructField(Columns.KEYPOINTS, DataTypes.createArrayType(DataTypes.DoubleType, false), true),
        DataTypes.createStructField(Columns.NUM_KEYPOINTS, DataTypes.IntegerType, false),
    });

    private static final StructType DETECTIONS = new StructType(new StructField[] {
        DataTypes.createStructField(Columns.IMAGE_ID, DataTypes.LongType, false),
        DataTypes.createStructField(Columns.CATEGORY_ID, DataTypes.LongType, false),
        DataTypes.createStructField(Columns.BBOX, DataTypes.createArrayType(DataTypes.DoubleType, false), false),
        DataTypes.createStructField(Columns.SCORE, DataTypes.DoubleType, false),
        DataTypes.createStructField(Columns.AREA, DataTypes.DoubleType, false),
        DataTypes.createStructField(Columns.SEQ, DataTypes.LongType, false),
        DataTypes.createStructField(Columns.MASK_COUNTS, DataTypes.createArrayType(DataTypes.IntegerType, false), true),
        DataTypes.createStructField(Columns.MASK_HEIGHT, DataTypes.IntegerType, true),
        DataTypes.createStructField(Columns.MASK_WIDTH, DataTypes.IntegerType, true),
        DataTypes.createStructField(Columns.KEYPOINTS, DataTypes.createArrayType(DataTypes.DoubleType, false), true),
    });

    private CocoFrames() {
    }

    /** The ground truth as images, annotations (with masks and keypoints where present) and categories. */
    public static SparkGroundTruth groundTruth(SparkSession spark, GroundTruth gt) {
        List<Row> images = new ArrayList<>(gt.imageCount());
        for (int i = 0; i < gt.imageCount(); i++) {
            images.add(RowFactory.create(gt.imageId(i)));
        }
        long[] imageIds = gt.imageIdColumn();
        long[] categoryIds = gt.categoryIdColumn();
        long[] ids = gt.annotationIdColumn();
        double[] boxes = gt.boxColumn();
        double[] areas = gt.areaColumn();
        boolean[] crowd = gt.crowdColumn();
        boolean[] ignore = gt.ignoreColumn();
        Rle[] masks = gt.maskColumn();
        KeypointColumn kps = gt.keypoints();
        double[] kpValues = kps.values();
        int[] numKeypoints = gt.numKeypointsColumn();
        List<Row> anns = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            Rle m = masks[i];
            anns.add(RowFactory.create(imageIds[i], categoryIds[i], ids[i], box(boxes, i), areas[i], crowd[i],
                    ignore[i], (long) i, m == null ? null : counts(m), m == null ? null : m.height(),
                    m == null ? null : m.width(), keypoints(kps, kpValues, i), numKeypoints[i]));
        }
        return new SparkGroundTruth(spark.createDataFrame(images, IMAGES), spark.createDataFrame(anns, ANNOTATIONS),
                gt.categories());
    }

    /** The detections, in their order ({@code seq} 0, 1, ...), with areas, masks and keypoints. */
    public static Dataset<Row> detections(SparkSession spark, Detections dt) {
        long[] imageIds = dt.imageIdColumn();
        long[] categoryIds = dt.categoryIdColumn();
        double[] boxes = dt.boxColumn();
        double[] scores = dt.scoreColumn();
        double[] areas = dt.areaColumn();
        Rle[] masks = dt.maskColumn();
        KeypointColumn kps = dt.keypoints();
        double[] kpValues = kps.values();
        List<Row> rows = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            Rle m = masks[i];
            rows.add(RowFactory.create(imageIds[i], categoryIds[i], box(boxes, i), scores[i], areas[i], (long) i,
                    m == null ? null : counts(m), m == null ? null : m.height(), m == null ? null : m.width(),
                    keypoints(kps, kpValues, i)));
        }
        return spark.createDataFrame(rows, DETECTIONS);
    }

    private static List<Double> box(double[] boxes, int i) {
        return List.of(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]);
    }

    private static List<Integer> counts(Rle m) {
        return Arrays.stream(m.counts()).boxed().toList();
    }

    private static List<Double> keypoints(KeypointColumn kps, double[] v, int i) {
        if (kps.count(i) == 0) {
            return null;
        }
        return Arrays.stream(v, kps.start(i), kps.start(i) + 3 * kps.count(i)).boxed().toList();
    }
}
