package dev.deteval.eval.report;

import dev.deteval.eval.coco.DetectionConfusionMatrix;
import dev.deteval.eval.data.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detection confusion matrix as an SVG heat map for the HTML report: one square per non-empty cell, its
 * opacity the row-normalised value (a row's share), its tooltip the count. Rows are the true class, columns
 * the predicted class, the last of each "background". The empty cells (count 0, most of a matrix of many
 * classes) are one transparent square under the others: the page's script works out from the pointer's
 * position which empty cell it is over and shows the tooltip text such a cell would have (the class names
 * are in the page for it).
 */
final class HeatMap {

    private static final int LABELS = 150;
    private static final int SIDE = 600;

    private HeatMap() {
    }

    /** The template's view of {@code m}. */
    static Map<String, Object> view(DetectionConfusionMatrix m) {
        int n = m.size();
        int cell = Math.max(4, Math.min(40, SIDE / n));
        long[][] counts = m.counts();
        double[][] rates = m.rowNormalized();
        List<String> names = new ArrayList<>(n);
        for (String name : m.categoryNames()) {
            names.add(Names.cell(name));
        }
        names.add("background");
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                if (counts[r][c] == 0) {
                    continue; // drawn by the empty cells' square
                }
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("x", LABELS + c * cell);
                v.put("y", LABELS + r * cell);
                String share = SvgChart.share(rates[r][c]);
                v.put("opacity", share);
                v.put("tip", "true " + names.get(r) + ", predicted " + names.get(c) + ": " + counts[r][c] + " ("
                        + share + " of the row)");
                boolean text = cell >= 28 && counts[r][c] > 0;
                v.put("hasText", text);
                v.put("text", text ? Long.toString(counts[r][c]) : "");
                v.put("tx", LABELS + c * cell + cell / 2);
                v.put("ty", LABELS + r * cell + cell / 2 + 4);
                v.put("dark", rates[r][c] > 0.5);
                cells.add(v);
            }
        }
        List<Map<String, Object>> labels = new ArrayList<>(n);
        boolean showLabels = cell >= 10;
        for (int i = 0; i < n && showLabels; i++) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", names.get(i));
            l.put("pos", LABELS + i * cell + cell / 2 + 4);
            labels.add(l);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("grid", LABELS);
        view.put("gridSide", n * cell);
        view.put("names", names);
        // what the tooltip of an empty cell says after the class names (its count and row share)
        view.put("emptyTip", ": 0 (" + SvgChart.share(0) + " of the row)");
        view.put("size", LABELS + n * cell + 10);
        // the rotated column labels reach past the last column
        view.put("width", LABELS + n * cell + LABELS);
        view.put("cell", cell);
        view.put("cells", cells);
        view.put("labels", labels);
        view.put("labelEnd", LABELS - 6);
        view.put("matching", m.matching() == DetectionConfusionMatrix.Matching.CLASS_AWARE ? "class-aware"
                : "class-agnostic");
        view.put("iou", Decimals.fixed(m.iou(), 2));
        view.put("confidence", Decimals.fixed(m.confidence(), 3));
        return view;
    }
}
