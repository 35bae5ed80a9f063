package dev.deteval.spark;

import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.report.CocoTextReport;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;

/**
 * An example Spark job: reads a COCO ground-truth file and a results file from any Hadoop-compatible
 * path, evaluates on the cluster and prints the summary and the per-category table, as the CLI does.
 *
 * <pre>
 * spark-submit --class dev.deteval.spark.CocoEvalJob --jars evaluator-core.jar deteval-spark.jar \
 *     GT_PATH RESULTS_PATH [bbox|segm|keypoints]
 * </pre>
 */
public final class CocoEvalJob {

    private CocoEvalJob() {
    }

    /**
     * Runs the job in a session of its own (the master comes from spark-submit) and exits with 0, or 2 on bad
     * usage.
     *
     * @param args ground-truth path, results path and optionally the iouType ({@code bbox} when absent)
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CocoEvalJob GT_PATH RESULTS_PATH [bbox|segm|keypoints]");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("deteval COCO evaluation").getOrCreate();
        try {
            run(spark, args, System.out);
        } finally {
            spark.stop();
        }
    }

    /**
     * Evaluates the two files in {@code spark} and prints the text report to {@code out}.
     *
     * @param args ground-truth path, results path and optionally the iouType
     * @return the result printed
     */
    public static CocoResult run(SparkSession spark, String[] args, PrintStream out) {
        IouType type = args.length == 3 ? IouType.parse(args[2]) : IouType.BBOX;
        CocoJsonFiles.Tables tables = CocoJsonFiles.read(spark, args[0], args[1], type);
        CocoParams params = CocoParams.builder(CocoMode.COMPAT).optIouType(type).build();
        CocoResult result = DetEvalSpark.evaluate(tables.groundTruth(), tables.detections(), params);
        out.print(CocoTextReport.render(result));
        return result;
    }
}
