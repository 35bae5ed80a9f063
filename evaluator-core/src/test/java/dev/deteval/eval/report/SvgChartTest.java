package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chart coordinates, and the strings made without {@link String#format} read as the formatted ones did. */
final class SvgChartTest {

    @Test
    void coordinate_anyValue_oneDecimalRoundedHalfUp() {
        assertThat(SvgChart.coordinate(48)).isEqualTo("48.0");
        assertThat(SvgChart.coordinate(123.44)).isEqualTo("123.4");
        assertThat(SvgChart.coordinate(123.46)).isEqualTo("123.5");
        assertThat(SvgChart.coordinate(0.04)).isEqualTo("0.0");
    }

    @Test
    void share_unitInterval_threeDecimalsClamped() {
        assertThat(SvgChart.share(0.5)).isEqualTo("0.500");
        assertThat(SvgChart.share(1)).isEqualTo("1.000");
        assertThat(SvgChart.share(0.0123)).isEqualTo("0.012");
        assertThat(SvgChart.share(2.0 / 3)).isEqualTo("0.667");
        assertThat(SvgChart.share(-0.5)).isEqualTo("0.000");
    }

    @Test
    void view_curveThroughCorners_mapsToThePlotArea() {
        SvgChart chart = new SvgChart("c", "t", "x", "y").add("diagonal", new double[] {0, 1}, new double[] {0, 1},
                false, "red");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) chart.view().get("series");
        // (0, 0) is the bottom-left corner (left margin 48, height 340 - bottom margin 40); (1, 1) the top-right
        // (width 560 - right margin 16, top margin 12)
        assertThat(series.get(0).get("d")).isEqualTo("M48.0 300.0 L544.0 12.0");
    }

    @Test
    void colour_everyCurveOfChartsUpTo100Curves_sameAsFormattedHsl() {
        for (int n = 0; n <= 100; n++) {
            for (int i = 0; i < Math.max(1, n); i++) {
                String formatted = String.format(Locale.ROOT, "hsl(%d,65%%,45%%)",
                        Math.round(360.0 * i / Math.max(1, n)) % 360);
                assertThat(SvgChart.colour(i, n)).isEqualTo(formatted);
            }
        }
    }

    @Test
    void view_ticks_labelsAreTheTickValuesWithOneDecimal() {
        Map<String, Object> view = new SvgChart("c", "t", "x", "y").view();
        List<String> labels = new ArrayList<>();
        for (Object tick : (List<?>) view.get("ticks")) {
            labels.add((String) ((Map<?, ?>) tick).get("label"));
        }
        List<String> formatted = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            formatted.add(String.format(Locale.ROOT, "%.1f", i / 5.0));
        }
        assertThat(labels).containsExactlyElementsOf(formatted);
    }
}
