package dev.deteval.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line chart for the HTML report: both axes from 0 to 1, one SVG path per series. Builds the view the
 * template draws (numbers already turned into SVG coordinates; labels stay plain strings, escaped by the
 * template). Mutable while series are added; {@link #view()} copies.
 */
final class SvgChart {

    /** Width and height of the drawing, in CSS pixels. */
    static final int WIDTH = 560;
    static final int HEIGHT = 340;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    /** Charts with at most this many curves get a legend; larger ones rely on hover and the picker. */
    private static final int LEGEND = 4;
    /** The ticks' labels, at 0, 0.2, ..., 1 on both axes. */
    private static final String[] TICKS = {"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"};

    private final String id;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Map<String, Object>> series = new ArrayList<>();
    private final List<Map<String, Object>> markers = new ArrayList<>();

    /**
     * @param id a page-unique identifier made of letters, digits and dashes (never input data)
     */
    SvgChart(String id, String title, String xLabel, String yLabel) {
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * Adds one curve through the points {@code (x[i], y[i])}, each coordinate in [0, 1] (clamped).
     *
     * @param label what the curve is (untrusted: escaped by the template)
     * @param emphasis drawn thicker and dark (a mean or pooled curve)
     * @param colour a CSS colour for ordinary curves
     */
    SvgChart add(String label, double[] x, double[] y, boolean emphasis, String colour) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
        StringBuilder d = new StringBuilder(x.length * 14);
        for (int i = 0; i < x.length; i++) {
            d.append(i == 0 ? 'M' : 'L').append(px(x[i])).append(' ').append(py(y[i])).append(' ');
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("index", series.size());
        s.put("label", label);
        s.put("d", d.toString().trim());
        s.put("emphasis", emphasis);
        s.put("colour", emphasis ? "#111" : colour);
        series.add(s);
        return this;
    }

    /** Marks the point {@code (x, y)} (both in [0, 1]) with a dot and a tooltip. */
    SvgChart mark(String label, double x, double y) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("cx", px(x));
        m.put("cy", py(y));
        markers.add(m);
        return this;
    }

    /** The number of curves. */
    int size() {
        return series.size();
    }

    /** The template's view of the chart. */
    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("title", title);
        v.put("xLabel", xLabel);
        v.put("yLabel", yLabel);
        v.put("width", WIDTH);
        v.put("height", HEIGHT);
        v.put("x0", LEFT);
        v.put("x1", WIDTH - RIGHT);
        v.put("y0", HEIGHT - BOTTOM);
        v.put("y1", TOP);
        v.put("xLabelX", (LEFT + WIDTH - RIGHT) / 2);
        v.put("xLabelY", HEIGHT - 6);
        v.put("yLabelY", (TOP + HEIGHT - BOTTOM) / 2);
        List<Map<String, Object>> ticks = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            double t = i / 5.0;
            Map<String, Object> tick = new LinkedHashMap<>();
            tick.put("label", TICKS[i]);
            tick.put("x", px(t));
            tick.put("y", py(t));
            ticks.add(tick);
        }
        v.put("ticks", ticks);
        v.put("series", List.copyOf(series));
        v.put("markers", List.copyOf(markers));
        v.put("selectable", series.size() > 1);
        v.put("legend", series.size() <= LEGEND);
        return v;
    }

    private static String px(double x) {
        return coordinate(LEFT + clamp(x) * (WIDTH - LEFT - RIGHT));
    }

    private static String py(double y) {
        return coordinate(HEIGHT - BOTTOM - clamp(y) * (HEIGHT - TOP - BOTTOM));
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** {@code v} (not negative) with one decimal; plain arithmetic, as a page has tens of thousands. */
    static String coordinate(double v) {
        long tenths = Math.round(v * 10);
        return (tenths / 10) + "." + (tenths % 10);
    }

    /** {@code v} in [0, 1] with three decimals, as {@link #coordinate} does it. */
    static String share(double v) {
        long thousandths = Math.round(Math.max(0, Math.min(1, v)) * 1000);
        String digits = Long.toString(1000 + thousandths % 1000);
        return (thousandths / 1000) + "." + digits.substring(1);
    }

    /** A colour for curve {@code i} of {@code n}: hues spread around the wheel. */
    static String colour(int i, int n) {
        // concatenated rather than formatted: a page has hundreds of curves
        return "hsl(" + Math.round(360.0 * i / Math.max(1, n)) % 360 + ",65%,45%)";
    }
}
