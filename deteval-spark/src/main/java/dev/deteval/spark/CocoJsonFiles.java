package dev.deteval.spark;

import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * COCO JSON files (instances-format ground truth and a results list) on any Hadoop-compatible path
 * ({@code file:}, {@code hdfs:}, {@code s3a:}, ... as configured in the session), read by evaluator-core's
 * streaming {@link CocoJsonReader} with pycocotools' rules ({@code loadRes}: result areas are {@code w * h}
 * or the mask's area, ids in file order) and turned into tables by {@link CocoFrames}. A COCO JSON file is
 * one document, so it is parsed on the driver; tables that already live in the cluster (Parquet, Delta)
 * go to {@link DetEvalSpark} directly.
 */
public final class CocoJsonFiles {

    private CocoJsonFiles() {
    }

    /**
     * Ground truth and detections read from two files.
     *
     * @param groundTruth the ground truth read
     * @param detections the results as a table, {@code seq} in file order
     */
    public record Tables(SparkGroundTruth groundTruth, Dataset<Row> detections) {
    }

    /**
     * Reads both files.
     *
     * @param iouType what the results hold ({@link IouType#SEGM}: masks, {@link IouType#KEYPOINTS}: keypoints)
     * @throws dev.deteval.eval.io.InputException when a file is not valid COCO JSON (the message names the file
     *     and the position)
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Tables read(SparkSession spark, String groundTruthPath, String resultsPath, IouType iouType) {
        CocoJsonReader reader = new CocoJsonReader(iouType);
        GroundTruth gt;
        try (InputStream in = open(spark, groundTruthPath)) {
            gt = reader.readGroundTruth(in, groundTruthPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + groundTruthPath + ": " + e.getMessage(), e);
        }
        Detections dt;
        try (InputStream in = open(spark, resultsPath)) {
            dt = reader.readResults(in, resultsPath, gt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resultsPath + ": " + e.getMessage(), e);
        }
        return new Tables(CocoFrames.groundTruth(spark, gt), CocoFrames.detections(spark, dt));
    }

    private static InputStream open(SparkSession spark, String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        return fs.open(p);
    }
}
