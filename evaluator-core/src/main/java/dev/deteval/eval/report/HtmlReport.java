package dev.deteval.eval.report;

import dev.deteval.eval.check.CheckMessages;
import dev.deteval.eval.check.CheckResult;
import dev.deteval.eval.check.Outcome;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.coco.ErrorBreakdown;
import dev.deteval.eval.coco.ErrorType;
import dev.deteval.eval.coco.ImageCounts;
import dev.deteval.eval.coco.LvisEvaluator;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.coco.OperatingPoints;
import dev.deteval.eval.coco.PerImageCounts;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.voc.VocResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One self-contained HTML page about an evaluation: the summary, the per-category table, precision-recall
 * curves, precision/recall/F1 against confidence, the detection confusion matrix as a heat map, the error
 * breakdown and the worst images. Charts are inline SVG; a few lines of plain JavaScript sort the tables
 * and highlight a curve; nothing is loaded from the network. Every section but the summary and the table
 * is optional and shown only when its data was given. Untrusted strings (category and file names) are
 * escaped by the template ({@link Names#html}).
 *
 * <pre>{@code
 * HtmlReport html = HtmlReport.coco(result)
 *         .optOperatingPoints(OperatingPoints.compute(gt, dt, params, 0.5))
 *         .optConfusionMatrix(matrix)
 *         .build();
 * AtomicFile.write(Path.of("report.html"), out -> html.write(out, null));
 * }</pre>
 */
public final class HtmlReport {

    /**
     * One row of the error breakdown.
     *
     * @param type the error type (e.g. "classification", "localisation", "duplicate", "background", "missed")
     * @param count how many errors of the type
     * @param deltaAp the AP gained if they were fixed (AP units, 0 to 1); NaN when not computed
     */
    public record ErrorRow(String type, long count, double deltaAp) {
        /** Checks the type. */
        public ErrorRow {
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * One image of the worst-images table.
     *
     * @param image the image's id or file name (untrusted)
     * @param tp true positives at the operating point
     * @param fp false positives
     * @param fn missed ground truths
     */
    public record ImageRow(String image, long tp, long fp, long fn) {
        /** Checks the name. */
        public ImageRow {
            Objects.requireNonNull(image, "image");
        }
    }

    private final Map<String, Object> view;

    private HtmlReport(Map<String, Object> view) {
        this.view = view;
    }

    /** A report of a COCO evaluation: summary, per-category table and precision-recall curves. */
    public static Builder coco(CocoResult result) {
        Builder b = new Builder("COCO evaluation (" + result.params().iouType().name().toLowerCase(Locale.ROOT)
                + ", " + result.mode().name().toLowerCase(Locale.ROOT) + " mode)");
        b.summary.addAll(ResultTables.summary(result));
        b.headers.addAll(ResultTables.headers(result));
        b.rows.addAll(ResultTables.rows(result));
        for (SvgChart chart : CocoCurves.precisionRecall(result)) {
            b.prCharts.add(chart.view());
        }
        b.warnings.addAll(result.warnings());
        return b;
    }

    /** A report of an LVIS evaluation: the thirteen summary numbers and the per-category table with frequencies. */
    public static Builder lvis(LvisResult result) {
        Builder b = new Builder("LVIS evaluation (" + result.iouType().name().toLowerCase(Locale.ROOT)
                + ", federated, " + LvisEvaluator.MAX_DETS_PER_IMAGE + " detections per image)");
        b.summary.addAll(ResultTables.summary(result));
        b.headers.addAll(ResultTables.headers(result));
        b.rows.addAll(ResultTables.rows(result));
        b.warnings.addAll(result.warnings());
        return b;
    }

    /** A report of a Pascal VOC evaluation: the mAP and the per-class table (the other sections are COCO's). */
    public static Builder voc(VocResult result, Protocol protocol) {
        boolean eleven = protocol == Protocol.VOC07;
        Builder b = new Builder("Pascal VOC evaluation (" + protocol.id() + ", "
                + (eleven ? "11-point AP" : "all-point AP") + ")");
        b.summary.addAll(ResultTables.summary(result, eleven));
        b.headers.addAll(ResultTables.vocHeaders());
        b.rows.addAll(ResultTables.rows(result, eleven));
        return b;
    }

    /**
     * Compiles the page template now, on the calling thread (once per process; about 20-40 ms in a new
     * process), so that a page built and written later does not wait for it.
     */
    public static void prepare() {
        HtmlTemplate.prepare();
    }

    /**
     * Renders the page.
     *
     * @param gate the gate's outcome to show, or null when no rules were checked
     */
    public String render(CheckResult gate) {
        StringWriter out = new StringWriter();
        try {
            HtmlTemplate.render(withGate(gate), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the page to {@code out} as UTF-8; {@code out} stays open. */
    public void write(OutputStream out, CheckResult gate) throws IOException {
        // the template writes many short pieces: buffered, each is a copy instead of a call to the encoder
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        HtmlTemplate.render(withGate(gate), w);
        w.flush();
    }

    /** The number of curves drawn (SVG paths of class {@code curve}), over all charts. */
    public int curveCount() {
        int n = 0;
        for (Object section : (List<?>) view.get("chartSections")) {
            for (Object chart : (List<?>) ((Map<?, ?>) section).get("charts")) {
                n += ((List<?>) ((Map<?, ?>) chart).get("series")).size();
            }
        }
        return n;
    }

    /** The number of rows of the per-category table. */
    public int categoryRows() {
        return ((List<?>) view.get("rows")).size();
    }

    private Map<String, Object> withGate(CheckResult gate) {
        Map<String, Object> v = new LinkedHashMap<>(view);
        if (gate != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("passed", gate.passed());
            g.put("verdict", gate.passed() ? CheckMessages.RULES_MET : CheckMessages.RULES_VIOLATED);
            g.put("violations", gate.violations().stream().map(Outcome::message).distinct().toList());
            v.put("gate", g);
        }
        return v;
    }

    /** Collects the optional sections; {@link #build()} makes the report. */
    public static final class Builder {
        private final String title;
        private final List<Map<String, Object>> summary = new ArrayList<>();
        private final List<Map<String, Object>> headers = new ArrayList<>();
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private final List<Map<String, Object>> prCharts = new ArrayList<>();
        private final List<Map<String, Object>> confidenceCharts = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private Map<String, Object> heatMap;
        private Map<String, Object> errors;
        private List<Map<String, Object>> worstImages = List.of();
        private String worstImagesIntro = "";

        private Builder(String title) {
            this.title = title;
        }

        /** Adds the custom metrics' values to the summary table, after the COCO metrics. */
        public Builder optCustomMetrics(Map<String, Double> values) {
            summary.addAll(ResultTables.summary(values));
            return this;
        }

        /** Adds warnings about the input, shown at the top. */
        public Builder optWarnings(List<String> values) {
            warnings.addAll(0, values);
            return this;
        }

        /** Adds the charts of precision, recall and F1 against confidence (pooled and per category). */
        public Builder optOperatingPoints(OperatingPoints points) {
            if (points != null) {
                for (SvgChart chart : CocoCurves.confidence(points)) {
                    confidenceCharts.add(chart.view());
                }
            }
            return this;
        }

        /** Adds the detection confusion matrix as a heat map. */
        public Builder optConfusionMatrix(DetectionConfusionMatrix matrix) {
            heatMap = matrix == null ? null : HeatMap.view(matrix);
            return this;
        }

        /**
         * Adds the error breakdown: one row per error type.
         *
         * @param thresholds how the types were told apart (e.g. "foreground IoU 0.5, background IoU 0.1"),
         *     shown above the table
         */
        public Builder optErrorBreakdown(String thresholds, List<ErrorRow> values) {
            if (values == null || values.isEmpty()) {
                errors = null;
                return this;
            }
            long most = 1;
            for (ErrorRow r : values) {
                most = Math.max(most, r.count());
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (ErrorRow r : values) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", r.type());
                m.put("count", r.count());
                m.put("deltaAp", Double.isNaN(r.deltaAp()) ? "-" : Decimals.fixed(r.deltaAp(), 4));
                m.put("deltaKey", Double.isNaN(r.deltaAp()) ? "" : Double.toString(r.deltaAp()));
                m.put("bar", Math.round(200.0 * r.count() / most));
                list.add(m);
            }
            errors = Map.of("thresholds", thresholds == null ? "" : thresholds, "rows", list);
            return this;
        }

        /**
         * Adds the error breakdown of {@code e}: one row per {@link ErrorType} with its count and the AP gained at
         * the foreground threshold when it is fixed (AP50 with the defaults).
         */
        public Builder optErrorBreakdown(ErrorBreakdown e) {
            if (e == null) {
                return this;
            }
            List<ErrorRow> values = new ArrayList<>();
            for (ErrorType t : ErrorType.values()) {
                values.add(new ErrorRow(t.shortName() + " (" + t.name().toLowerCase(Locale.ROOT) + ")", e.count(t),
                        e.deltaAp(t)));
            }
            return optErrorBreakdown("foreground IoU " + Decimals.fixed(e.foreground(), 2) + ", background IoU "
                    + Decimals.fixed(e.background(), 2) + ", area all, maxDets 100; dAP: AP at IoU "
                    + Decimals.fixed(e.foreground(), 2) + " (now " + Decimals.fixed(e.baseAp(), 3)
                    + ") gained by fixing the errors of the type", values);
        }

        /**
         * Adds the {@code limit} worst images of {@code counts} (most false positives plus misses first), named by
         * file name, else by id.
         */
        public Builder optWorstImages(PerImageCounts counts, int limit) {
            if (counts == null) {
                return this;
            }
            List<ImageRow> values = new ArrayList<>();
            for (ImageCounts c : counts.worstFirst()) {
                if (values.size() == limit || c.errors() == 0) {
                    break;
                }
                String name = c.fileName() == null || c.fileName().isEmpty() ? Long.toString(c.imageId())
                        : c.fileName();
                values.add(new ImageRow(name, c.tp(), c.fp(), c.fn()));
            }
            worstImagesIntro = "The images with the most false positives plus misses at IoU "
                    + Decimals.fixed(counts.iou(), 2) + " and confidence at least " + Decimals.fixed(counts.confidence(), 3)
                    + " (area all, maxDets 100), worst first; at most " + limit + ".";
            return optWorstImages(values);
        }

        /** Adds the worst images, in the order given (worst first). */
        public Builder optWorstImages(List<ImageRow> values) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ImageRow r : values == null ? List.<ImageRow>of() : values) {
                list.add(Map.of("image", Names.cell(r.image()), "tp", r.tp(), "fp", r.fp(), "fn", r.fn()));
            }
            worstImages = list;
            return this;
        }

        /** The report. */
        public HtmlReport build() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("title", title);
            v.put("warnings", List.copyOf(warnings));
            v.put("hasWarnings", !warnings.isEmpty());
            v.put("summary", List.copyOf(summary));
            v.put("headers", List.copyOf(headers));
            v.put("rows", List.copyOf(rows));
            List<Map<String, Object>> sections = new ArrayList<>();
            if (!prCharts.isEmpty()) {
                sections.add(Map.of("id", "pr-curves", "heading", "Precision-recall curves", "intro",
                        "COCO's interpolated precision at each recall threshold, one curve per category with"
                        + " ground truth and the mean over them (thick). Hover over a curve or pick a category.",
                        "charts", List.copyOf(prCharts)));
            }
            if (!confidenceCharts.isEmpty()) {
                sections.add(Map.of("id", "confidence-curves", "heading", "Precision, recall and F1 against confidence",
                        "intro", "Raw counts at each confidence threshold 0, 0.01, …, 1 (a detection counts when"
                        + " its score is at least the threshold), not the interpolated curve. The dot marks the"
                        + " best F1.", "charts", List.copyOf(confidenceCharts)));
            }
            v.put("chartSections", sections);
            if (heatMap != null) {
                v.put("heatMap", heatMap);
            }
            if (errors != null) {
                v.put("errors", errors);
            }
            v.put("worstImages", worstImages);
            v.put("hasWorstImages", !worstImages.isEmpty());
            v.put("worstImagesIntro", worstImagesIntro);
            return new HtmlReport(v);
        }
    }
}
