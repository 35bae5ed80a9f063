package dev.deteval.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart's strings made without {@link String#format} read as the formatted ones did. */
final class SvgChartTest {

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
