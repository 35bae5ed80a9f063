package dev.deteval.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The API's column handling and its errors. */
final class DetEvalSparkTest {

    private static final StructType PLAIN_DETECTIONS = new StructType()
            .add("image_id", DataTypes.IntegerType).add("category_id", DataTypes.IntegerType)
            .add("bbox", DataTypes.createArrayType(DataTypes.DoubleType)).add("score", DataTypes.DoubleType);

    @Test
    void evaluate_annotationsOnlyWithoutSeq_equalsSingleMachine() {
        // every image has annotations, so the images derived from them are all the images; no seq column:
        // the rows' own order (one partition) is the input order
        GroundTruth gt = GroundTruth.builder().addCategory(1, "a").addCategory(2, "b")
                .addImage(1).addImage(2)
                .addAnnotation(10, 1, 1, 0, 0, 10, 10).addAnnotation(11, 2, 2, 5, 5, 20, 20)
                .addAnnotation(12, 2, 1, 50, 50, 40, 40).build();
        Detections dt = Detections.builder().add(1, 1, 0, 0, 10, 10, 0.5).add(2, 1, 50, 50, 40, 40, 0.5)
                .add(2, 1, 51, 51, 40, 40, 0.5).add(2, 2, 5, 5, 20, 21, 0.9).build();
        Dataset<Row> annotations = CocoFrames.groundTruth(LocalSpark.get(), gt).annotations().drop("seq")
                .coalesce(1);
        Dataset<Row> detections = CocoFrames.detections(LocalSpark.get(), dt).drop("seq", "area").coalesce(1);

        CocoResult spark = DetEvalSpark.evaluate(annotations, detections, CocoParams.defaults());

        CocoResult single = CocoEvaluator.evaluate(gt, dt);
        assertThat(spark.summary().stats()).isEqualTo(single.summary().stats());
        assertThat(spark.tables().precisionArray()).isEqualTo(single.tables().precisionArray());
    }

    @Test
    void evaluate_detectionOnUnknownImage_throwsNamingTheImage() {
        GroundTruth gt = PartitioningTest.randomGroundTruth(new Random(3), 5, 2);
        Dataset<Row> detections = LocalSpark.get().createDataFrame(
                List.of(RowFactory.create(123456, 3, List.of(1.0, 2.0, 3.0, 4.0), 0.5)), PLAIN_DETECTIONS);

        assertThatThrownBy(() -> DetEvalSpark.evaluate(CocoFrames.groundTruth(LocalSpark.get(), gt), detections,
                CocoParams.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a detection refers to image 123456, which is not in the ground truth");
    }

    @Test
    void evaluate_bboxOfThreeNumbers_throwsNamingTheImage() {
        GroundTruth gt = PartitioningTest.randomGroundTruth(new Random(3), 5, 2);
        long image = gt.imageId(0);
        Dataset<Row> detections = LocalSpark.get().createDataFrame(
                List.of(RowFactory.create((int) image, 3, List.of(1.0, 2.0, 3.0), 0.5)), PLAIN_DETECTIONS);

        assertThatThrownBy(() -> DetEvalSpark.evaluate(CocoFrames.groundTruth(LocalSpark.get(), gt), detections,
                CocoParams.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image " + image + ": a detection has a bbox of 3 numbers, expected [x, y, w, h]");
    }

    @Test
    void evaluate_missingScoreColumn_throwsNamingTheColumn() {
        GroundTruth gt = PartitioningTest.randomGroundTruth(new Random(3), 5, 2);
        Dataset<Row> detections = LocalSpark.get().createDataFrame(
                List.of(RowFactory.create(1, 3, List.of(1.0, 2.0, 3.0, 4.0), 0.5)), PLAIN_DETECTIONS).drop("score");

        assertThatThrownBy(() -> DetEvalSpark.evaluate(CocoFrames.groundTruth(LocalSpark.get(), gt), detections,
                CocoParams.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the detections have no column 'score'");
    }
}
