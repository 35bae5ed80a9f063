package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.conformance.ConformanceCase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The COCO report formats of {@code eval}: the mode is named in text, JSON and Markdown, so corrected
 * numbers are never mistaken for pycocotools' ones; the text report ends with a per-category table that
 * names each category (values checked against pycocotools' per-category AP in expected.json).
 */
final class EvalCommandFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Five categories with non-contiguous ids (37, 49, 78, 80, 82), named class_&lt;id&gt;; 37 has no
     * ground truth.
     */
    private static final ConformanceCase CASE = ConformanceCase.all().stream()
            .filter(c -> c.name().equals("random_s2_i100_c5")).findFirst().orElseThrow();

    private record Run(int code, String out, String err) {
    }

    private static Run eval(String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "--gt", CASE.gt().toString(), "--dt",
                CASE.dt().toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"compat,text", "compat,json", "compat,markdown", "corrected,text", "corrected,json",
        "corrected,markdown"})
    void eval_anyModeAndFormat_reportNamesTheMode(String modeName, String format) throws Exception {
        CocoMode mode = CocoMode.parse(modeName);
        CocoMode other = mode == CocoMode.COMPAT ? CocoMode.CORRECTED : CocoMode.COMPAT;

        Run r = eval("--mode", modeName, "--format", format);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(mode.label()).doesNotContain(other.label());
        switch (format) {
            case "text" -> assertThat(r.out().lines().findFirst().orElseThrow())
                    .contains("mode: " + mode.id() + " (" + mode.label() + ")");
            case "json" -> {
                JsonNode json = MAPPER.readTree(r.out());
                assertThat(json.get("mode").asText()).isEqualTo(mode.id());
                assertThat(json.get("modeLabel").asText()).isEqualTo(mode.label());
            }
            default -> assertThat(r.out()).contains("Mode: **" + mode.id() + "** (" + mode.label() + ")");
        }
    }

    @Test
    void eval_textFormat_summaryThenPerCategoryTableWithNames() {
        Run r = eval("--format", "text");

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.subList(1, 13)).allMatch(l -> l.startsWith(" Average "));
        assertThat(lines.get(13)).isEmpty();
        assertThat(lines.get(14).split(" +")).containsExactly("category", "AP", "AP50", "AP75", "APs", "APm", "APl",
                "AR100");
        JsonNode rows = CASE.expected().get("coco").get("per_category");
        assertThat(rows.size()).isEqualTo(5);
        for (int k = 0; k < rows.size(); k++) {
            long id = rows.get(k).get("category_id").asLong();
            String[] cells = lines.get(15 + k).split(" +");
            assertThat(cells[0] + " " + cells[1]).isEqualTo(id + " class_" + id);
            assertThat(cells[2]).as("AP of category %d", id).isEqualTo(threeDecimals(rows.get(k).get("AP").asDouble()));
            assertThat(cells[3]).as("AP50 of category %d", id)
                    .isEqualTo(threeDecimals(rows.get(k).get("AP50").asDouble()));
            assertThat(cells[4]).as("AP75 of category %d", id)
                    .isEqualTo(threeDecimals(rows.get(k).get("AP75").asDouble()));
            assertThat(cells[8]).as("AR100 of category %d", id)
                    .isEqualTo(threeDecimals(rows.get(k).get("AR").asDouble()));
        }
    }

    /**
     * Python's {@code '%0.3f'} (the exact binary value rounded half to even); "-" for pycocotools' -1
     * (category 37 has no ground truth).
     */
    private static String threeDecimals(double v) {
        return v < 0 ? "-" : new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }
}
