package dev.deteval.eval.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.check.MetricSnapshot.Band;
import dev.deteval.eval.check.MetricSnapshot.Difference;
import dev.deteval.eval.check.Outcome.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drop limits with a significance, intervals in messages, and their configuration errors. */
final class SignificanceCheckTest {

    /** AP 0.412 now and 0.4204 in the baseline: a drop of 0.0084; other metrics 0.5 in both. */
    private static MetricSnapshot current(Difference apDifference) {
        MetricSnapshot s = RulesCheckerTest.coco(0.412, 0.5, 0.5);
        Map<String, Difference> differences = apDifference == null ? Map.of() : Map.of("AP", apDifference);
        return s.withStatistics(Map.of("AP", new Band(0.398, 0.426, 0.95)),
                Map.of(1L, Map.of("AP", new Band(0.41, 0.6, 0.95))), differences);
    }

    private static final MetricSnapshot BASELINE = RulesCheckerTest.coco(0.4204, 0.5, 0.5);

    private static CheckResult check(MetricSnapshot current, String... rules) {
        return new RulesChecker(Arrays.stream(rules).map(RuleSyntax::parse).toList()).check(current, BASELINE);
    }

    @Test
    void parse_significanceOption_keptOnTheDropLimit() {
        Limit limit = RuleSyntax.parse("AP:maxDrop=0.01;significance=0.05").limits().get(0);
        assertThat(limit.significance()).isEqualByComparingTo("0.05");
        assertThat(limit).hasToString("AP:maxDrop=0.01;significance=0.05");
    }

    @Test
    void withSignificance_onMinimumOrOutsideUnitInterval_rejected() {
        assertThatThrownBy(() -> RuleSyntax.parse("AP>=0.3;significance=0.05"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("maximum drop only");
        assertThatThrownBy(() -> Limit.maximumDrop("AP", "0.01").withSignificance("0"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> Limit.maximumDrop("AP", "0.01").withSignificance("1"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("strictly between 0 and 1");
    }

    @Test
    void check_dropAboveBoundAndSignificant_violatedWithIntervalAndP() {
        // current minus baseline in [-0.015, -0.002] with p = 0.004: the drop's interval is [0.002, 0.015]
        CheckResult r = check(current(new Difference(0.4204, -0.015, -0.002, 0.95, 0.004)),
                "AP:maxDrop=0.005;significance=0.05");
        assertThat(r.violations()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.VIOLATED);
            assertThat(o.message()).isEqualTo("Rule violated for dataset: AP is 0.4120 (95% CI 0.3980–0.4260)"
                    + " against baseline 0.4204, a drop of 0.009 (95% CI 0.002–0.015, p = 0.004), but expected"
                    + " maximum drop is 0.005 at significance 0.05");
        });
    }

    @Test
    void check_dropAboveBoundNotSignificant_passes() {
        CheckResult r = check(current(new Difference(0.4204, -0.02, 0.004, 0.95, 0.31)),
                "AP:maxDrop=0.005;significance=0.05");
        assertThat(r.passed()).isTrue();
        assertThat(r.outcomes()).singleElement().extracting(Outcome::message).isEqualTo("Rule met for dataset: AP is"
                + " 0.4120 (95% CI 0.3980–0.4260) against baseline 0.4204, a drop of 0.009 (95% CI -0.004–0.020,"
                + " p = 0.310), above the maximum drop 0.005 but not significant at 0.05");
    }

    @Test
    void check_dropWithinBoundAndSignificant_passes() {
        CheckResult r = check(current(new Difference(0.4204, -0.015, -0.002, 0.95, 0.004)),
                "AP:maxDrop=0.01;significance=0.05");
        assertThat(r.passed()).isTrue();
    }

    @Test
    void check_minimumWithInterval_messageShowsInterval() {
        CheckResult r = check(current(null), "AP>=0.45", "category:person:AP>=0.6");
        assertThat(r.violations()).extracting(Outcome::message).containsExactly(
                "Rule violated for dataset: AP is 0.412 (95% CI 0.398–0.426), but expected minimum is 0.45",
                "Rule violated for category person: AP is 0.500 (95% CI 0.410–0.600), but expected minimum is 0.6");
    }

    @Test
    void check_significanceWithoutComparison_configurationError() {
        MetricSnapshot plain = RulesCheckerTest.coco(0.412, 0.5, 0.5);
        assertThatThrownBy(() -> check(plain, "AP:maxDrop=0.01;significance=0.05"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("needs the baseline's detections");
    }

    @Test
    void validate_significanceOnCategoryRule_configurationError() {
        RulesChecker checker = new RulesChecker(List.of(RuleSyntax.parse("category:person:AP:maxDrop=0.01;significance=0.05")));
        assertThatThrownBy(() -> checker.validate(Protocol.COCO, null, true))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("COCO dataset metrics only");
    }

    @Test
    void check_significanceOnUncomparedMetric_missing() {
        CheckResult r = check(current(new Difference(0.4204, -0.015, -0.002, 0.95, 0.004)),
                "APm:maxDrop=0.01;significance=0.05");
        assertThat(r.violations()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.MISSING);
            assertThat(o.message()).contains(CheckMessages.REASON_NOT_COMPARED);
        });
    }
}
