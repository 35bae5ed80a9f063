package dev.deteval.samples.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The samples' one plotting class: a chart written as SVG text. A frame over the data window
 * [xMin, xMax] × [yMin, yMax] with five ticks per axis, a title, optional axis names, and series drawn in
 * insertion order, each a {@code <g class="series">} element with a legend entry:
 *
 * <ul>
 *   <li>{@link #add}: a line through (x, y) points ({@code <polyline>});
 *   <li>{@link #addPoints}: markers at (x, y) points ({@code <circle>} each);
 *   <li>{@link #addGrid}: a matrix of values as square cells ({@code <rect>} each) shaded by magnitude,
 *       with each value written in its cell.
 * </ul>
 *
 * Coordinates are in data units; lines and markers outside the window are clipped by the frame. Text is
 * XML-escaped. Sizes are in SVG user units (pixels at 100 %).
 */
final class SvgPlot {

    static final int WIDTH = 720;
    static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final int TICKS = 5;
    private static final String[] COLORS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf"
    };

    private final String title;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private String xName = "";
    private String yName = "";
    private boolean ticks = true;
    private final List<String> body = new ArrayList<>();
    private final List<Legend> legend = new ArrayList<>();
    private int colors;

    private record Legend(String name, String color, boolean marker) {
    }

    /** A chart of the data window [xMin, xMax] × [yMin, yMax]; both ranges must be non-empty. */
    SvgPlot(String title, double xMin, double xMax, double yMin, double yMax) {
        if (!(xMax > xMin && yMax > yMin)) {
            throw new IllegalArgumentException("empty data window [" + xMin + ", " + xMax + "] x [" + yMin + ", "
                    + yMax + "]");
        }
        this.title = title;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** Names the axes (shown under the x axis and beside the y axis). */
    SvgPlot axisNames(String x, String y) {
        this.xName = x;
        this.yName = y;
        return this;
    }

    /** Leaves out the axis ticks and their numbers (for pictures, such as grids, whose axes mean nothing). */
    SvgPlot withoutTicks() {
        this.ticks = false;
        return this;
    }

    /** Adds a line through the (x, y) points, in order. */
    SvgPlot add(String name, double[][] points) {
        String color = nextColor();
        StringBuilder line = new StringBuilder(group(name, "line")).append("<polyline fill=\"none\" stroke=\"")
                .append(color).append("\" stroke-width=\"1.8\" points=\"");
        for (double[] p : points) {
            line.append(String.format(Locale.ROOT, "%.2f,%.2f ", px(p[0]), py(p[1])));
        }
        body.add(line.append("\"/></g>\n").toString());
        legend.add(new Legend(name, color, false));
        return this;
    }

    /** Adds a marker (radius 3.5) at each (x, y) point. */
    SvgPlot addPoints(String name, double[][] points) {
        String color = nextColor();
        StringBuilder marks = new StringBuilder(group(name, "points"));
        for (double[] p : points) {
            marks.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3.5\" fill=\"%s\"/>", px(p[0]),
                    py(p[1]), color));
        }
        body.add(marks.append("</g>\n").toString());
        legend.add(new Legend(name, color, true));
        return this;
    }

    /**
     * Adds {@code values} (rows top to bottom) as square cells of side {@code cell} data units, the top-left
     * corner at (x0, y0), shaded by |value| / {@code scale} and labelled with the value (2 decimals).
     */
    SvgPlot addGrid(String name, double[][] values, double x0, double y0, double cell, double scale) {
        String color = nextColor();
        StringBuilder cells = new StringBuilder(group(name, "grid"));
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                double left = px(x0 + c * cell);
                double top = py(y0 - r * cell);
                double w = px(x0 + (c + 1) * cell) - left;
                double h = py(y0 - (r + 1) * cell) - top;
                double opacity = scale > 0 ? Math.min(1, Math.abs(values[r][c]) / scale) : 0;
                cells.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
                        + " fill=\"%s\" fill-opacity=\"%.3f\" stroke=\"black\" stroke-width=\"0.5\"/>", left, top, w, h,
                        color, opacity));
                cells.append(text(left + w / 2, top + h / 2 + 4, "middle", number(values[r][c])));
            }
        }
        double labelX = px(x0);
        double labelY = py(y0) - 6;
        body.add(cells.append(text(labelX, labelY, "start", name)).append("</g>\n").toString());
        return this;
    }

    /** The SVG document. */
    String render() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " data-x-range=\"%s %s\" data-y-range=\"%s %s\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, xMin, xMax, yMin, yMax));
        svg.append(String.format(Locale.ROOT,
                "<defs><clipPath id=\"frame\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath></defs>%n",
                LEFT, TOP, plotWidth(), plotHeight()));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n",
                LEFT, TOP, plotWidth(), plotHeight()));
        svg.append(text(WIDTH / 2.0, TOP - 16, "middle", title));
        if (ticks) {
            appendTicks(svg);
        }
        svg.append("<g clip-path=\"url(#frame)\">\n");
        body.forEach(svg::append);
        svg.append("</g>\n");
        if (!legend.isEmpty()) {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"268\" height=\"%d\" fill=\"white\" fill-opacity=\"0.85\"/>%n",
                    WIDTH - RIGHT - 270, TOP + 4, 16 * legend.size() + 4));
        }
        for (int i = 0; i < legend.size(); i++) {
            svg.append(legendEntry(legend.get(i), i));
        }
        return svg.append("</svg>\n").toString();
    }

    private void appendTicks(StringBuilder svg) {
        for (int k = 0; k < TICKS; k++) {
            double x = xMin + (xMax - xMin) * k / (TICKS - 1);
            double y = yMin + (yMax - yMin) * k / (TICKS - 1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"black\"/>",
                    px(x), HEIGHT - BOTTOM, px(x), HEIGHT - BOTTOM + 5));
            svg.append(text(px(x), HEIGHT - BOTTOM + 18, "middle", number(x)));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"black\"/>",
                    LEFT - 5, py(y), LEFT, py(y)));
            svg.append(text(LEFT - 8, py(y) + 4, "end", number(y)));
        }
        svg.append(text(LEFT + plotWidth() / 2.0, HEIGHT - 12, "middle", xName));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\""
                        + " transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                TOP + plotHeight() / 2.0, TOP + plotHeight() / 2.0, escape(yName)));
    }

    private String nextColor() {
        return COLORS[colors++ % COLORS.length];
    }

    private static String group(String name, String kind) {
        return "<g class=\"series\" data-kind=\"" + kind + "\" data-name=\"" + escape(name) + "\">";
    }

    private static String legendEntry(Legend entry, int index) {
        double x = WIDTH - RIGHT - 265;
        double y = TOP + 16.0 + 16 * index;
        String mark = entry.marker()
                ? String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>", x + 10, y - 4,
                        entry.color())
                : String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>", x,
                        y - 4, x + 20, y - 4, entry.color());
        return "<g class=\"legend\">" + mark + text(x + 25, y, "start", entry.name()) + "</g>\n";
    }

    private int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * plotWidth();
    }

    private double py(double y) {
        return HEIGHT - BOTTOM - (y - yMin) / (yMax - yMin) * plotHeight();
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-family=\"sans-serif\" font-size=\"12\">%s</text>%n",
                x, y, anchor, escape(content));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Escapes the five XML special characters. */
    static String escape(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
