package dev.deteval.samples.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal line plot written as SVG text: a frame with its data ranges as labels, one polyline per
 * series and a legend. Points outside the ranges are clipped by the frame.
 */
final class SvgPlot {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int MARGIN = 50;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#7f7f7f"};

    private final String title;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final List<String> names = new ArrayList<>();
    private final List<double[][]> series = new ArrayList<>();

    /** A plot of the data window [xMin, xMax] × [yMin, yMax]. */
    SvgPlot(String title, double xMin, double xMax, double yMin, double yMax) {
        this.title = title;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** Adds a series of (x, y) points, drawn in insertion order. */
    SvgPlot add(String name, double[][] points) {
        names.add(name);
        series.add(points);
        return this;
    }

    /** The SVG document. */
    String render() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT,
                "<defs><clipPath id=\"frame\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath></defs>%n",
                MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN));
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"white\" stroke=\"black\"/>%n",
                MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN));
        svg.append(text(WIDTH / 2.0, MARGIN - 20, "middle", escape(title)));
        svg.append(text(MARGIN, HEIGHT - MARGIN + 18, "middle", number(xMin)));
        svg.append(text(WIDTH - MARGIN, HEIGHT - MARGIN + 18, "middle", number(xMax)));
        svg.append(text(MARGIN - 6, HEIGHT - MARGIN, "end", number(yMin)));
        svg.append(text(MARGIN - 6, MARGIN + 4, "end", number(yMax)));
        for (int s = 0; s < series.size(); s++) {
            String color = COLORS[s % COLORS.length];
            svg.append("<polyline clip-path=\"url(#frame)\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"1.5\" points=\"");
            for (double[] p : series.get(s)) {
                svg.append(String.format(Locale.ROOT, "%.2f,%.2f ", px(p[0]), py(p[1])));
            }
            svg.append("\"/>\n");
            double legendY = MARGIN + 16 + 16 * s;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    WIDTH - MARGIN - 130, legendY - 4, WIDTH - MARGIN - 110, legendY - 4, color));
            svg.append(text(WIDTH - MARGIN - 105, legendY, "start", escape(names.get(s))));
        }
        return svg.append("</svg>\n").toString();
    }

    private double px(double x) {
        return MARGIN + (x - xMin) / (xMax - xMin) * (WIDTH - 2 * MARGIN);
    }

    private double py(double y) {
        return HEIGHT - MARGIN - (y - yMin) / (yMax - yMin) * (HEIGHT - 2 * MARGIN);
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-family=\"sans-serif\" font-size=\"12\">%s</text>%n",
                x, y, anchor, content);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
