package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.MetricSnapshot.Protocol;
import dev.deteval.eval.coco.CocoEvaluator;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.IouType;
import dev.deteval.eval.coco.KeypointCountException;
import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.io.CocoJsonReader;
import dev.deteval.eval.io.CocoParamsReader;
import dev.deteval.eval.io.InputException;
import dev.deteval.eval.io.VocReader;
import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import dev.deteval.eval.voc.VocEvaluator;
import dev.deteval.eval.voc.VocParams;
import dev.deteval.eval.voc.VocResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One evaluation from files, whatever the protocol, in the form every front-end needs: the metric
 * values the gate checks, the warnings, the headline lines, and the text, JSON and Markdown reports.
 * The CLI and the Maven plugin both use it, so they read and report the same way. The headline, text
 * and Markdown are rendered each time they are asked for (a JSON-only run never formats them).
 */
public final class ProtocolEvaluation {

    /** Writes JSON members. */
    @FunctionalInterface
    public interface JsonMembers {
        /** Writes the members with {@code g}. */
        void write(JsonGenerator g) throws IOException;
    }

    private final MetricSnapshot snapshot;
    private final List<String> warnings;
    private final Supplier<List<String>> headline;
    private final Supplier<String> text;
    private final Supplier<String> markdown;
    private final JsonMembers jsonMembers;

    private ProtocolEvaluation(MetricSnapshot snapshot, List<String> warnings, Supplier<List<String>> headline,
            Supplier<String> text, Supplier<String> markdown, JsonMembers jsonMembers) {
        this.snapshot = snapshot;
        this.warnings = List.copyOf(warnings);
        this.headline = headline;
        this.text = text;
        this.markdown = markdown;
        this.jsonMembers = jsonMembers;
    }

    /** Metric values by name (for the gate). */
    public MetricSnapshot snapshot() {
        return snapshot;
    }

    /** Warnings about the input. */
    public List<String> warnings() {
        return warnings;
    }

    /** The headline lines (COCO: pycocotools' twelve summary lines; VOC: the mAP). */
    public List<String> headline() {
        return List.copyOf(headline.get());
    }

    /** The plain-text report. */
    public String text() {
        return text.get();
    }

    /** The Markdown report. */
    public String markdown() {
        return markdown.get();
    }

    /** Writes the JSON report's members into an object the caller has started. */
    public JsonMembers jsonMembers() {
        return jsonMembers;
    }

    /**
     * A COCO evaluation whose iouType comes from the parameters file (bbox when there is none).
     *
     * @param params a pycocotools Params JSON file, or null for the mode's defaults
     */
    public static ProtocolEvaluation coco(Path groundTruth, Path detections, Path params, CocoMode mode) {
        return coco(groundTruth, detections, params, mode, null);
    }

    /**
     * A COCO evaluation of boxes, masks or keypoints.
     *
     * @param params a pycocotools Params JSON file, or null for the defaults of the mode and iouType
     * @param iouType what to compare, or null for the parameters file's {@code iouType} (bbox when absent);
     *     a file naming another iouType is an error
     */
    public static ProtocolEvaluation coco(Path groundTruth, Path detections, Path params, CocoMode mode,
            IouType iouType) {
        CocoParams p = params != null ? CocoParamsReader.read(params, mode, iouType)
                : CocoParams.builder(mode).optIouType(iouType == null ? IouType.BBOX : iouType).build();
        CocoJsonReader reader = new CocoJsonReader(p.iouType());
        CocoJsonReader.Inputs inputs = reader.readBoth(groundTruth, detections);
        GroundTruth gt = inputs.groundTruth();
        Detections dt = inputs.detections();
        CocoResult result;
        try {
            result = CocoEvaluator.evaluate(gt, dt, p);
        } catch (KeypointCountException e) {
            throw e.groundTruth()
                    ? new InputException(groundTruth.toString(), "annotations[" + e.row() + "].keypoints",
                            e.getMessage())
                    : new InputException(detections.toString(), "[" + e.row() + "].keypoints", e.getMessage());
        }
        List<String> warnings = new ArrayList<>(reader.warnings());
        warnings.addAll(result.warnings());
        return new ProtocolEvaluation(MetricSnapshot.of(result), warnings, () -> CocoTextReport.summaryLines(result),
                () -> CocoTextReport.render(result), () -> MarkdownReport.coco(result),
                g -> JsonReport.writeCocoMembers(result, g));
    }

    /**
     * A Pascal VOC evaluation.
     *
     * @param protocol {@link Protocol#VOC07} (11-point AP) or {@link Protocol#VOC12} (all-point AP)
     * @param imageSet the devkit image set name, or null to find it
     * @param params box convention, match rule and overlap threshold
     */
    public static ProtocolEvaluation voc(Path groundTruth, Path detections, Protocol protocol, String imageSet,
            VocParams params) {
        if (protocol == Protocol.COCO) {
            throw new IllegalArgumentException("voc(...) needs protocol voc07 or voc12");
        }
        VocReader reader = new VocReader();
        if (imageSet != null) {
            reader = reader.withImageSet(imageSet);
        }
        VocDataset gt = reader.readGroundTruth(groundTruth);
        VocDetections dt = reader.readDetections(detections, gt);
        VocResult result = VocEvaluator.evaluate(gt, dt, params);
        boolean eleven = protocol == Protocol.VOC07;
        List<String> warnings = reader.warnings();
        String map = "mAP (" + protocol.id() + ") = " + Decimals.fixed(VocReport.map(result, eleven), 4);
        return new ProtocolEvaluation(MetricSnapshot.of(result, protocol), warnings, () -> List.of(map),
                () -> VocReport.text(result, eleven, warnings), () -> VocReport.markdown(result, eleven, warnings),
                g -> VocReport.writeMembers(result, eleven, warnings, g));
    }

    /** The JSON report, with optional extra members written after the protocol's own. */
    public String json(JsonMembers extra) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = JsonReport.generator(out)) {
            g.writeStartObject();
            jsonMembers.write(g);
            if (extra != null) {
                extra.write(g);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }
}
