package dev.deteval.eval.report;

import dev.deteval.eval.coco.CategoryMetrics;
import dev.deteval.eval.coco.CocoMetric;
import dev.deteval.eval.coco.CocoResult;
import dev.deteval.eval.coco.LvisCategoryMetrics;
import dev.deteval.eval.coco.LvisResult;
import dev.deteval.eval.data.Names;
import dev.deteval.eval.voc.VocClassResult;
import dev.deteval.eval.voc.VocResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary and per-category tables of the HTML report as template views: a summary row is
 * {@code {name, value}}, a header {@code {name, numeric}}, a table row {@code {cells: [{text, key, numeric}]}}
 * where {@code key} is the number a column sorts by (empty for text). Values are shown with three decimals,
 * -1 (nothing to measure) as "-"; names pass through {@link Names#cell}.
 */
final class ResultTables {

    private ResultTables() {
    }

    /** The COCO statistics by name. */
    static List<Map<String, Object>> summary(CocoResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        result.summary().values().forEach((name, value) -> out.add(stat(name, value)));
        return out;
    }

    /** The custom metrics' values, as summary rows after the COCO ones. */
    static List<Map<String, Object>> summary(Map<String, Double> custom) {
        List<Map<String, Object>> out = new ArrayList<>();
        custom.forEach((name, value) -> out.add(stat(name, value)));
        return out;
    }

    /** The VOC mAP. */
    static List<Map<String, Object>> summary(VocResult result, boolean elevenPoint) {
        return List.of(stat("mAP", VocReport.map(result, elevenPoint)));
    }

    /** id, category and the per-category metrics of the text report. */
    static List<Map<String, Object>> headers(CocoResult result) {
        List<CocoMetric> metrics = result.perCategory().isEmpty() ? List.of() : result.perCategory().get(0).metrics();
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(header("id", true));
        out.add(header("category", false));
        for (CocoMetric m : metrics) {
            out.add(header(m.name(), true));
        }
        return out;
    }

    /** One row per evaluated category. */
    static List<Map<String, Object>> rows(CocoResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CategoryMetrics row : result.perCategory()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            cells.add(cell(Long.toString(row.id()), row.id()));
            cells.add(cell(Names.cell(row.name()), Double.NaN));
            for (double v : row.values().values()) {
                cells.add(number(v));
            }
            out.add(Map.of("cells", cells));
        }
        return out;
    }

    /** The LVIS statistics by name, in lvis-api's order. */
    static List<Map<String, Object>> summary(LvisResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        result.stats().forEach((name, value) -> out.add(stat(name, value)));
        return out;
    }

    /** id, category, frequency and the per-category LVIS metrics. */
    static List<Map<String, Object>> headers(LvisResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(header("id", true));
        out.add(header("category", false));
        out.add(header("frequency", false));
        if (!result.perCategory().isEmpty()) {
            for (String name : result.perCategory().get(0).values().keySet()) {
                out.add(header(name, true));
            }
        }
        return out;
    }

    /** One row per LVIS category. */
    static List<Map<String, Object>> rows(LvisResult result) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LvisCategoryMetrics row : result.perCategory()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            cells.add(cell(Long.toString(row.id()), row.id()));
            cells.add(cell(Names.cell(row.name()), Double.NaN));
            cells.add(cell(row.frequency() == null ? "-" : row.frequency().name().toLowerCase(Locale.ROOT),
                    Double.NaN));
            for (double v : row.values().values()) {
                cells.add(number(v));
            }
            out.add(Map.of("cells", cells));
        }
        return out;
    }

    /** class, AP, npos, ndet, tp, fp. */
    static List<Map<String, Object>> vocHeaders() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String h : new String[] {"class", "AP", "npos", "ndet", "tp", "fp"}) {
            out.add(header(h, !h.equals("class")));
        }
        return out;
    }

    /** One row per class. */
    static List<Map<String, Object>> rows(VocResult result, boolean elevenPoint) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (VocClassResult c : result.perClass()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            cells.add(cell(Names.cell(c.name()), Double.NaN));
            cells.add(number(VocReport.ap(c, elevenPoint)));
            for (int n : new int[] {c.npos(), c.ndet(), c.tp(), c.fp()}) {
                cells.add(cell(Integer.toString(n), n));
            }
            out.add(Map.of("cells", cells));
        }
        return out;
    }

    private static Map<String, Object> stat(String name, double value) {
        return Map.of("name", name, "value", value == -1 ? "-" : Decimals.fixed(value, 3));
    }

    private static Map<String, Object> header(String name, boolean numeric) {
        return Map.of("name", name, "numeric", numeric);
    }

    private static Map<String, Object> number(double v) {
        return cell(v == -1 || Double.isNaN(v) ? "-" : Decimals.fixed(v, 3), v);
    }

    private static Map<String, Object> cell(String text, double sortKey) {
        boolean numeric = !Double.isNaN(sortKey);
        return Map.of("text", text, "key", numeric ? Double.toString(sortKey) : "", "numeric", numeric);
    }
}
