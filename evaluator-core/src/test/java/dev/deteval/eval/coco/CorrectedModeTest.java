package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deteval.eval.conformance.ConformanceCase;
import dev.deteval.eval.data.Category;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.internal.NumpyMath;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Corrected mode, checked against compat mode on transformed inputs: each fix must equal compat mode
 * run on an input where pycocotools' quirk cannot occur.
 */
final class CorrectedModeTest {

    private static final CocoJsonReader READER = new CocoJsonReader();

    private static Path dir(String name) {
        return ConformanceCase.root().resolve(name);
    }

    private static GroundTruth gt(String name) {
        return READER.readGroundTruth(dir(name).resolve("gt.json"));
    }

    private static Detections dt(String name, GroundTruth gt) {
        return READER.readResults(dir(name).resolve("dt.json"), gt);
    }

    /** Copies {@code gt}, letting the caller rewrite annotation ids and areas. */
    private static GroundTruth rewrite(GroundTruth gt, LongUnaryOperator newId, boolean ignoreToOutOfRange) {
        GroundTruth.Builder b = GroundTruth.builder();
        for (int i = 0; i < gt.imageCount(); i++) {
            b.addImage(gt.imageId(i), gt.imageWidth(i), gt.imageHeight(i), gt.imageFileName(i));
        }
        for (Category c : gt.categories()) {
            b.addCategory(c);
        }
        double[] box = gt.boxColumn();
        boolean[] ignore = gt.ignoreColumn();
        double[] areas = gt.areaColumn();
        long[] ids = gt.annotationIdColumn();
        long[] images = gt.imageIdColumn();
        long[] categories = gt.categoryIdColumn();
        boolean[] crowd = gt.crowdColumn();
        for (int i = 0; i < gt.annotationCount(); i++) {
            double area = ignoreToOutOfRange && ignore[i] ? 2e10 : areas[i];
            b.addAnnotation(newId.applyAsLong(ids[i]), images[i], categories[i], box[4 * i], box[4 * i + 1],
                    box[4 * i + 2], box[4 * i + 3], area, crowd[i], false);
        }
        return b.build();
    }

    private static CocoParams compatWithExactThresholds() {
        double[] iou = new double[10];
        for (int k = 0; k < 10; k++) {
            iou[k] = (50 + 5 * k) / 100.0;
        }
        double[] rec = new double[101];
        for (int k = 0; k <= 100; k++) {
            rec[k] = k / 100.0;
        }
        return CocoParams.builder(CocoMode.COMPAT).optIouThrs(iou).optRecThrs(rec).build();
    }

    @Test
    void defaults_correctedMode_useExactDecimalThresholds() {
        CocoParams corrected = CocoParams.builder(CocoMode.CORRECTED).build();
        assertThat(corrected.iouThrs()[8]).isEqualTo(0.9);
        assertThat(CocoParams.defaults().iouThrs()[8]).isEqualTo(0.8999999999999999);
        assertThat(corrected.recThrs()[70]).isEqualTo(0.7);
        assertThat(CocoParams.defaults().recThrs()[70]).isEqualTo(0.7000000000000001);
    }

    @Test
    void evaluate_correctedOnThresholdCase_equalsCompatWithExactThresholds() {
        GroundTruth gt = gt("edge_iou_equals_threshold");
        Detections dt = dt("edge_iou_equals_threshold", gt);
        CocoResult corrected = CocoEvaluator.evaluate(gt, dt, CocoParams.builder(CocoMode.CORRECTED).build());
        CocoResult compatExact = CocoEvaluator.evaluate(gt, dt, compatWithExactThresholds());
        CocoResult compat = CocoEvaluator.evaluate(gt, dt, CocoParams.defaults());

        assertThat(corrected.summary().stats()).containsExactly(compatExact.summary().stats());
        assertThat(corrected.summary().ap()).isNotEqualTo(compat.summary().ap());
    }

    @Test
    void evaluate_correctedWithIgnoreFlag_treatsFlaggedGroundTruthAsIgnored() {
        GroundTruth gt = gt("edge_ignore_flag");
        Detections dt = dt("edge_ignore_flag", gt);
        CocoResult corrected = CocoEvaluator.evaluate(gt, dt, CocoParams.builder(CocoMode.CORRECTED).build());
        // an ignored non-crowd ground truth behaves like one whose area lies outside every range
        GroundTruth outOfRange = rewrite(gt, id -> id, true);
        CocoResult reference = CocoEvaluator.evaluate(outOfRange, dt, compatWithExactThresholds());
        CocoResult compat = CocoEvaluator.evaluate(gt, dt, CocoParams.defaults());

        assertThat(corrected.summary().stats()).containsExactly(reference.summary().stats());
        assertThat(corrected.summary().ap()).isNotEqualTo(compat.summary().ap());
    }

    @Test
    void evaluate_correctedWithAnnotationIdZero_countsItsMatch() {
        GroundTruth gt = gt("edge_gt_id_zero");
        Detections dt = dt("edge_gt_id_zero", gt);
        CocoResult corrected = CocoEvaluator.evaluate(gt, dt, CocoParams.builder(CocoMode.CORRECTED).build());
        long unused = 1_000_000;
        GroundTruth renumbered = rewrite(gt, id -> id == 0 ? unused : id, false);
        CocoResult reference = CocoEvaluator.evaluate(renumbered, dt, compatWithExactThresholds());
        CocoResult compat = CocoEvaluator.evaluate(gt, dt, CocoParams.defaults());

        assertThat(corrected.summary().stats()).containsExactly(reference.summary().stats());
        assertThat(corrected.summary().ap()).isGreaterThan(compat.summary().ap());
    }

    @Test
    void summary_correctedWithoutMaxDets100_headlineUsesLargestMaxDets() throws Exception {
        ConformanceCase c = ConformanceCase.all().stream().filter(x -> x.name().equals("edge_custom_maxdets"))
                .findFirst().orElseThrow();
        GroundTruth gt = gt(c.name());
        Detections dt = dt(c.name(), gt);
        CocoParams params = CocoParamsReader.read(c.paramsFile(), CocoMode.CORRECTED);
        CocoResult corrected = CocoEvaluator.evaluate(gt, dt, params);
        CocoResult compat = CocoEvaluator.evaluate(gt, dt, CocoParamsReader.read(c.paramsFile(), CocoMode.COMPAT));

        assertThat(compat.summary().ap()).isEqualTo(-1.0);
        assertThat(corrected.summary().maxDetsUsed()[0]).isEqualTo(5);
        // AP at the largest maxDets is the mean of the precision entries > -1 over [T][R][K] at area "all"
        PrecisionTable t = corrected.tables();
        int[] shape = t.shape();
        double[] values = new double[shape[0] * shape[1] * shape[2]];
        int n = 0;
        for (int ti = 0; ti < shape[0]; ti++) {
            for (int ri = 0; ri < shape[1]; ri++) {
                for (int ki = 0; ki < shape[2]; ki++) {
                    double v = t.precision(ti, ri, ki, 0, shape[4] - 1);
                    if (v > -1) {
                        values[n++] = v;
                    }
                }
            }
        }
        assertThat(corrected.summary().ap()).isEqualTo(NumpyMath.mean(values, n));
        JsonNode stats = c.expected().get("coco").get("stats");
        assertThat(corrected.summary().stats()[8]).isCloseTo(stats.get(8).asDouble(),
                org.assertj.core.api.Assertions.within(1e-12));
    }
}
