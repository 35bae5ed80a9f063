package dev.deteval.eval.check;

import dev.deteval.eval.coco.CocoMetric;
import dev.deteval.eval.coco.CustomMetrics;
import dev.deteval.eval.coco.LvisMetric;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The evaluation protocols a gate can check, and which metric names each can report. The names
 * themselves come from the protocols' vocabularies: {@link CocoMetric} for COCO (derived from the
 * parameters, so {@code AR300} exists only with maxDets 300), {@link LvisMetric} for LVIS, {@code mAP} and
 * per-class {@code AP} for Pascal VOC.
 */
public enum Protocol {
    /** COCO boxes, masks and keypoints (pycocotools). */
    COCO("coco"),
    /** LVIS boxes: federated evaluation as lvis-api computes it (metric names from {@link LvisMetric}). */
    LVIS("lvis"),
    /** Pascal VOC 2007 (11-point interpolated AP). */
    VOC07("voc07"),
    /** Pascal VOC 2010–2012 (all-point AP). */
    VOC12("voc12");

    private final String id;

    Protocol(String id) {
        this.id = id;
    }

    /** The name in reports and on the command line: {@code coco}, {@code lvis}, {@code voc07}, {@code voc12}. */
    public String id() {
        return id;
    }

    /** Whether this is one of the Pascal VOC protocols. */
    public boolean voc() {
        return this == VOC07 || this == VOC12;
    }

    /**
     * The canonical spelling of a metric name this protocol can report for {@code element}
     * ({@code ap50} gives {@code AP50}), or null when it has no such metric whatever the parameters.
     */
    public String canonical(Element element, String name) {
        String t = name == null ? "" : name.trim();
        if (voc()) {
            String only = element == Element.DATASET ? "mAP" : "AP";
            return only.equalsIgnoreCase(t) ? only : null;
        }
        if (this == LVIS) {
            return element == Element.DATASET ? LvisMetric.canonical(t) : LvisMetric.canonicalPerCategory(t);
        }
        String coco = CocoMetric.canonical(t);
        if (coco == null && this == COCO && element == Element.DATASET) {
            return CustomMetrics.canonical(t);
        }
        if (coco == null || element == Element.DATASET) {
            return coco;
        }
        boolean perCategory = coco.startsWith("AP") || (coco.startsWith("AR") && coco.length() > 2
                && Character.isDigit(coco.charAt(2)) && !coco.equals("AR50") && !coco.equals("AR75"));
        return perCategory ? coco : null;
    }

    /** The metric names for error messages. */
    public String names(Element element) {
        if (voc()) {
            return element == Element.DATASET ? "mAP" : "AP";
        }
        if (this == LVIS) {
            List<LvisMetric> metrics = element == Element.DATASET ? LvisMetric.headline() : LvisMetric.perCategory();
            return metrics.stream().map(LvisMetric::name).collect(Collectors.joining(", "));
        }
        return element == Element.DATASET
                ? "AP, AP50, AP75, APs, APm, APl, AR<maxDets> (AR1, AR10, AR100 by default), ARs, ARm, ARl, AR50,"
                        + " AR75; keypoints: AP, AP50, AP75, APm, APl, AR, AR50, AR75, ARm, ARl; custom metrics: "
                        + CustomMetrics.names()
                : "AP, AP50, AP75, APs, APm, APl, AR<largest maxDets> (AR100 by default, AR20 for keypoints)";
    }

    /**
     * Parses {@code coco}, {@code lvis}, {@code voc07} or {@code voc12}, in any case.
     *
     * @throws InvalidRuleException for anything else
     */
    public static Protocol parse(String text) {
        String t = text == null ? "" : text.trim();
        for (Protocol p : values()) {
            if (p.id.equalsIgnoreCase(t)) {
                return p;
            }
        }
        throw new InvalidRuleException("unknown protocol '" + text + "': expected coco, lvis, voc07 or voc12");
    }
}
