package dev.deteval.spark;

import static org.apache.spark.sql.functions.col;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.report.CocoTextReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Benchmark (not a test): synthetic COCO data generated inside the Spark job (no JSON), evaluated by
 * {@link DetEvalSpark} on {@code local[2]}; prints the wall time and the JVM's peak heap and peak RSS
 * (driver and executor are one JVM in local mode). Command lines: docs/benchmarks.md.
 *
 * <p>Per image: 7 ground truths of 80 categories (sizes over all three area ranges, 1 in 20 crowd) and
 * 100 detections (a jittered copy of each ground truth, the rest random boxes), scores on a 0.001 grid.
 *
 * <p>With {@code check} as the third argument the same data is then collected to the driver and evaluated by
 * {@link CocoEvaluator}; the line {@code parity=exact} says every table entry and stat is equal.
 *
 * <pre>ScaleBench IMAGES [SHUFFLE_PARTITIONS [check]]</pre>
 */
public final class ScaleBench {

    static final int CATEGORIES = 80;
    static final int GT_PER_IMAGE = 7;
    static final int DT_PER_IMAGE = 100;

    private ScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        long images = Long.parseLong(args[0]);
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("deteval-spark scale bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", Integer.toString(partitions)).getOrCreate();
        try {
            Dataset<Long> ids = spark.range(0, images, 1, partitions).as(Encoders.LONG());
            Dataset<Row> annotations = ids.flatMap((FlatMapFunction<Long, Row>) ScaleBench::annotations,
                    Encoders.row(annotationSchema()));
            Dataset<Row> detections = ids.flatMap((FlatMapFunction<Long, Row>) ScaleBench::detections,
                    Encoders.row(detectionSchema()));
            List<Category> categories = new ArrayList<>();
            for (int c = 1; c <= CATEGORIES; c++) {
                categories.add(Category.of(c, "c" + c));
            }
            SparkGroundTruth gt = new SparkGroundTruth(ids.toDF().select(col("id").as("image_id")), annotations,
                    categories);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long start = System.nanoTime();
            CocoResult result = DetEvalSpark.evaluate(gt, detections, CocoParams.defaults());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(CocoTextReport.summaryLines(result).get(0));
            System.out.printf(Locale.ROOT, "images=%d detections=%d partitions=%d seconds=%.1f peakHeapMB=%d"
                    + " peakRssMB=%d%n", images, images * DT_PER_IMAGE, partitions, seconds, peakHeapMb(), peakRssMb());
            if (args.length > 2 && args[2].equals("check")) {
                System.out.println("parity=" + (sameAsSingleMachine(images, annotations, detections, categories,
                        result) ? "exact" : "DIFFERENT"));
            }
        } finally {
            spark.stop();
        }
    }

    /** The same tables collected and evaluated by {@link CocoEvaluator}: are all tables and stats equal? */
    private static boolean sameAsSingleMachine(long images, Dataset<Row> annotations, Dataset<Row> detections,
            List<Category> categories, CocoResult spark) {
        GroundTruth.Builder g = GroundTruth.builder();
        categories.forEach(g::addCategory);
        for (long i = 0; i < images; i++) {
            g.addImage(i);
        }
        for (Row r : annotations.orderBy("seq").collectAsList()) {
            List<Double> b = r.getList(3);
            g.addAnnotation(r.getLong(2), r.getLong(0), r.getLong(1), b.get(0), b.get(1), b.get(2), b.get(3),
                    r.getDouble(4), r.getBoolean(5), false);
        }
        Detections.Builder d = Detections.builder();
        for (Row r : detections.orderBy("seq").collectAsList()) {
            List<Double> b = r.getList(2);
            d.add(r.getLong(0), r.getLong(1), b.get(0), b.get(1), b.get(2), b.get(3), r.getDouble(3));
        }
        CocoResult single = CocoEvaluator.evaluate(g.build(), d.build());
        return Arrays.equals(single.tables().precisionArray(), spark.tables().precisionArray())
                && Arrays.equals(single.tables().recallArray(), spark.tables().recallArray())
                && Arrays.equals(single.tables().scoresArray(), spark.tables().scoresArray())
                && Arrays.equals(single.summary().stats(), spark.summary().stats())
                && single.perCategory().equals(spark.perCategory());
    }

    static Iterator<Row> annotations(Long image) {
        SplittableRandom r = new SplittableRandom(image * 0x9E3779B97F4A7C15L);
        List<Row> rows = new ArrayList<>(GT_PER_IMAGE);
        for (int i = 0; i < GT_PER_IMAGE; i++) {
            double[] b = gtBox(r);
            rows.add(RowFactory.create(image, (long) (1 + r.nextInt(CATEGORIES)), image * GT_PER_IMAGE + i + 1,
                    seq(b[0], b[1], b[2], b[3]), b[2] * b[3], r.nextInt(20) == 0, (long) i));
        }
        return rows.iterator();
    }

    static Iterator<Row> detections(Long image) {
        SplittableRandom r = new SplittableRandom(image * 0x9E3779B97F4A7C15L);
        List<Row> rows = new ArrayList<>(DT_PER_IMAGE);
        long[] cats = new long[GT_PER_IMAGE];
        double[][] boxes = new double[GT_PER_IMAGE][];
        for (int i = 0; i < GT_PER_IMAGE; i++) { // the same draws as annotations()
            boxes[i] = gtBox(r);
            cats[i] = 1 + r.nextInt(CATEGORIES);
            r.nextInt(20);
        }
        SplittableRandom d = new SplittableRandom(~image);
        for (int i = 0; i < DT_PER_IMAGE; i++) {
            long category;
            double x;
            double y;
            double w;
            double h;
            if (i < GT_PER_IMAGE) {
                category = cats[i];
                x = boxes[i][0] + d.nextInt(-6, 7);
                y = boxes[i][1] + d.nextInt(-6, 7);
                w = boxes[i][2] * (0.9 + d.nextDouble() / 5);
                h = boxes[i][3] * (0.9 + d.nextDouble() / 5);
            } else {
                category = 1 + d.nextInt(CATEGORIES);
                x = d.nextInt(600);
                y = d.nextInt(440);
                w = 4 + d.nextInt(200);
                h = 4 + d.nextInt(200);
            }
            double score = (i < GT_PER_IMAGE ? 500 + d.nextInt(500) : d.nextInt(700)) / 1000.0;
            rows.add(RowFactory.create(image, category, seq(x, y, w, h), score, image * DT_PER_IMAGE + i));
        }
        return rows.iterator();
    }

    /** An array value for a row built by a row encoder (which wants a Scala sequence). */
    private static scala.collection.Seq<Double> seq(Double... v) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(v));
    }

    private static double[] gtBox(SplittableRandom r) {
        double w = 8 + r.nextInt(250);
        double h = 8 + r.nextInt(250);
        return new double[] {r.nextInt(640), r.nextInt(480), w, h};
    }

    static StructType annotationSchema() {
        return new StructType().add("image_id", DataTypes.LongType).add("category_id", DataTypes.LongType)
                .add("id", DataTypes.LongType).add("bbox", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("area", DataTypes.DoubleType).add("iscrowd", DataTypes.BooleanType).add("seq", DataTypes.LongType);
    }

    static StructType detectionSchema() {
        return new StructType().add("image_id", DataTypes.LongType).add("category_id", DataTypes.LongType)
                .add("bbox", DataTypes.createArrayType(DataTypes.DoubleType)).add("score", DataTypes.DoubleType)
                .add("seq", DataTypes.LongType);
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static long peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        return -1;
    }
}
