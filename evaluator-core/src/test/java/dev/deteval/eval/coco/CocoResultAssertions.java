package dev.deteval.eval.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Exact comparisons of {@link CocoResult}s: every double compared bit for bit. */
final class CocoResultAssertions {

    private CocoResultAssertions() {
    }

    /** Same category ids, summary, per-category rows, tables and warnings. */
    static void assertSameResult(CocoResult actual, CocoResult expected) {
        assertThat(actual.categoryIds()).as("category ids").isEqualTo(expected.categoryIds());
        assertSameNumbers(actual, expected);
        assertThat(actual.perCategory()).as("per-category rows").isEqualTo(expected.perCategory());
        assertThat(actual.warnings()).as("warnings").isEqualTo(expected.warnings());
    }

    /** Same summary, tables and per-category numbers; category ids and names may differ. */
    static void assertSameNumbers(CocoResult actual, CocoResult expected) {
        assertSameSummary(actual.summary(), expected.summary());
        assertSameTables(actual.tables(), expected.tables());
        List<CategoryMetrics> a = actual.perCategory();
        List<CategoryMetrics> e = expected.perCategory();
        assertThat(a).hasSameSizeAs(e);
        for (int k = 0; k < a.size(); k++) {
            assertThat(values(a.get(k))).as("per-category row %d", k).isEqualTo(values(e.get(k)));
        }
    }

    static void assertSameSummary(CocoSummary actual, CocoSummary expected) {
        assertThat(actual.stats()).as("stats").isEqualTo(expected.stats());
        assertThat(actual.ar50()).as("AR50").isEqualTo(expected.ar50());
        assertThat(actual.ar75()).as("AR75").isEqualTo(expected.ar75());
        assertThat(actual.maxDetsUsed()).as("maxDetsUsed").isEqualTo(expected.maxDetsUsed());
    }

    static void assertSameTables(PrecisionTable actual, PrecisionTable expected) {
        assertThat(actual.shape()).as("shape").isEqualTo(expected.shape());
        assertThat(actual.precisionArray()).as("precision").isEqualTo(expected.precisionArray());
        assertThat(actual.recallArray()).as("recall").isEqualTo(expected.recallArray());
        assertThat(actual.scoresArray()).as("scores").isEqualTo(expected.scoresArray());
    }

    /** The numbers of a per-category row, without id and name. */
    static double[] values(CategoryMetrics m) {
        return new double[] {m.ap(), m.ap50(), m.ap75(), m.apSmall(), m.apMedium(), m.apLarge(), m.ar()};
    }
}
