package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
