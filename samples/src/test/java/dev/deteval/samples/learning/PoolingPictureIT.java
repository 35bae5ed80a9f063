package dev.deteval.samples.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Input rows (3 1 14 10), (2 7 13 16), (9 12 5 4), (6 12 15 8); 2×2 windows, stride 2, dL/dy = 1. Every
 * value below is exact in float32: the inputs are small integers, the averages are sums of four of them
 * divided by 4, and the gradients are 0, 1 and 1/4.
 */
final class PoolingPictureIT {

    @TempDir
    static Path dir;

    private static PoolingPicture.Pass max;
    private static PoolingPicture.Pass average;
    private static String printed;

    @BeforeAll
    static void pool() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PoolingPicture.Pass[] passes = PoolingPicture.run(dir, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        max = passes[0];
        average = passes[1];
        printed = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_maxPooling_outputsEachWindowsMaximum() {
        // windows: {3, 1, 2, 7}, {14, 10, 13, 16}, {9, 12, 6, 12}, {5, 4, 15, 8}
        assertThat(max.output()).isDeepEqualTo(new float[][] {{7, 16}, {12, 15}});
    }

    @Test
    void run_averagePooling_outputsEachWindowsMean() {
        assertThat(average.output()).isDeepEqualTo(new float[][] {
            {(3 + 1 + 2 + 7) / 4f, (14 + 10 + 13 + 16) / 4f},
            {(9 + 12 + 6 + 12) / 4f, (5 + 4 + 15 + 8) / 4f},
        });
    }

    @Test
    void run_maxPooling_routesTheGradientToTheFirstMaximumOnly() {
        // 7 at (1, 1), 16 at (1, 3), 15 at (3, 2); the tied 12s at (2, 1) and (3, 1): the first in row-major
        // order, (2, 1), takes the whole gradient and (3, 1) gets 0
        float[][] expected = {
            {0, 0, 0, 0},
            {0, 1, 0, 1},
            {0, 1, 0, 0},
            {0, 0, 1, 0},
        };
        assertThat(max.handGradient()).isDeepEqualTo(expected);
        assertThat(max.autogradGradient()).isDeepEqualTo(expected);
    }

    @Test
    void run_averagePooling_givesEveryInputAQuarter() {
        float[][] expected = new float[4][4];
        for (float[] row : expected) {
            Arrays.fill(row, 1f / (2 * 2));
        }
        assertThat(average.handGradient()).isDeepEqualTo(expected);
        assertThat(average.autogradGradient()).isDeepEqualTo(expected);
    }

    @Test
    void run_gradientsSumToTheUpstreamTotal() {
        // both poolings pass on the whole upstream gradient, 4 windows · 1: max as 4 · 1, average as 16 · 1/4
        assertThat(sum(max.handGradient())).isEqualTo(4f);
        assertThat(sum(average.handGradient())).isEqualTo(16 * 0.25f);
    }

    @Test
    void run_printsGridsAndAgreementWithAutograd() {
        assertThat(printed).contains("max pooling: dL/dx", "average pooling: dL/dx", "largest difference to DJL"
                + " autograd: 0.0e+00").contains("   0.25   0.25   0.25   0.25");
    }

    @Test
    void run_writesSixGridsWithTheirCellsAndValues() throws IOException {
        SvgDocument svg = SvgDocument.read(dir.resolve("pooling.svg"));

        assertThat(svg.seriesNames()).containsExactly("max pooling: input x", "max pooling: output y",
                "max pooling: dL/dx", "average pooling: input x", "average pooling: output y",
                "average pooling: dL/dx");
        int[] cells = {16, 4, 16, 16, 4, 16};
        for (int i = 0; i < cells.length; i++) {
            assertThat(SvgDocument.count(svg.series().get(i), "rect")).as(svg.seriesNames().get(i)).isEqualTo(cells[i]);
        }
        assertThat(cellTexts(svg.series().get(1))).containsExactly("7.00", "16.00", "12.00", "15.00");
        assertThat(cellTexts(svg.series().get(4))).containsExactly("3.25", "13.25", "9.75", "8.00");
        assertThat(cellTexts(svg.series().get(5))).hasSize(16).containsOnly("0.25");
    }

    @Test
    void run_maxGradientGrid_shadesOnlyTheFourWinners() throws IOException {
        SvgDocument svg = SvgDocument.read(dir.resolve("pooling.svg"));
        List<Element> maxCells = rects(svg.series().get(2));
        List<Element> averageCells = rects(svg.series().get(5));

        // shading is |g| / 1: the four winners are full, the twelve others blank; average cells all at 1/4
        assertThat(maxCells.stream().filter(r -> r.getAttribute("fill-opacity").equals("1.000"))).hasSize(4);
        assertThat(maxCells.stream().filter(r -> r.getAttribute("fill-opacity").equals("0.000"))).hasSize(12);
        assertThat(averageCells).allSatisfy(r -> assertThat(r.getAttribute("fill-opacity")).isEqualTo("0.250"));
        // each grid has its own colour, so the max and average rows can be told apart
        assertThat(maxCells.get(0).getAttribute("fill")).isNotEqualTo(averageCells.get(0).getAttribute("fill"));
    }

    private static float sum(float[][] rows) {
        float total = 0;
        for (float[] row : rows) {
            for (float v : row) {
                total += v;
            }
        }
        return total;
    }

    private static List<Element> rects(Element series) {
        NodeList nodes = series.getElementsByTagName("rect");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The numbers written in a grid's cells, row by row (the grid's name label is left out). */
    private static List<String> cellTexts(Element series) {
        NodeList nodes = series.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            String text = nodes.item(i).getTextContent();
            if (!text.equals(series.getAttribute("data-name"))) {
                out.add(text);
            }
        }
        return out;
    }
}
