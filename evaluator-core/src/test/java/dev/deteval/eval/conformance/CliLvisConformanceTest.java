package dev.deteval.eval.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deteval.eval.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden test of {@code eval --protocol lvis} against lvis-api (oracle: each case's expected.json in
 * {@code conformance-lvis/}): the JSON output's thirteen stats and every category's AP, AP50, AP75 and AR
 * within 1e-12, the text output's summary lines equal to lvis-api's {@code print_results()} lines, and a
 * rule on APr decided by the reference value.
 */
final class CliLvisConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<LvisCase> cases() {
        return LvisCase.all();
    }

    record Run(int code, String out, String err) {
    }

    static Run run(LvisCase c, String... extra) {
        List<String> args = new ArrayList<>(List.of("eval", "--protocol", "lvis", "--gt", c.gt().toString(), "--dt",
                c.dt().toString()));
        args.addAll(Arrays.asList(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eval_jsonFormat_matchesLvisApi(LvisCase c) throws Exception {
        Run run = run(c, "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("protocol").asText()).isEqualTo("lvis");
        JsonNode stats = c.expected().get("stats");
        List<String> names = new ArrayList<>();
        json.get("stats").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly(LvisCase.STAT_NAMES);
        for (String name : LvisCase.STAT_NAMES) {
            assertThat(json.get("stats").get(name).asDouble()).as("%s %s", c, name)
                    .isCloseTo(stats.get(name).asDouble(), within(LvisConformanceTest.TOLERANCE));
        }
        JsonNode want = c.expected().get("perCategory");
        JsonNode got = json.get("perCategory");
        assertThat(got.size()).isEqualTo(want.size());
        for (int k = 0; k < want.size(); k++) {
            assertThat(got.get(k).get("id").asLong()).isEqualTo(want.get(k).get("id").asLong());
            assertThat(got.get(k).get("frequency").asText()).isEqualTo(want.get(k).get("frequency").asText());
            for (String m : new String[] {"AP", "AP50", "AP75", "AR"}) {
                assertThat(got.get(k).get(m).asDouble()).as("%s category %s %s", c, want.get(k).get("id"), m)
                        .isCloseTo(want.get(k).get(m).asDouble(), within(LvisConformanceTest.TOLERANCE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eval_textFormat_printsLvisApiSummaryLines(LvisCase c) {
        Run run = run(c);
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        List<String> expected = new ArrayList<>();
        c.expected().get("results_lines").forEach(n -> expected.add(n.asText()));
        assertThat(lines.subList(1, 1 + expected.size())).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eval_aprRule_decidedByReferenceValue(LvisCase c) {
        double apr = c.expected().get("stats").get("APr").asDouble();
        // a minimum at the reference value cut to 4 decimals passes; a maximum 0.0001 below that fails
        double cut = Math.floor(apr * 1e4) / 1e4;
        Run pass = run(c, "--rule", String.format(java.util.Locale.ROOT, "APr>=%.4f", cut));
        Run fail = run(c, "--rule", String.format(java.util.Locale.ROOT, "APr<=%.4f", cut - 1e-4));
        assertThat(pass.code()).as(pass.out() + pass.err()).isZero();
        assertThat(fail.code()).as(fail.out() + fail.err()).isEqualTo(Main.EXIT_RULE_VIOLATED);
        assertThat(fail.out()).contains("APr is");
    }
}
