package dev.deteval.eval.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deteval.eval.check.MetricSnapshot.CategoryValues;
import dev.deteval.eval.check.Outcome.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RulesCheckerTest {

    static MetricSnapshot coco(double ap, double personAp, double carAp) {
        Map<String, Double> stats = new LinkedHashMap<>();
        for (String name : List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl", "AR50", "AR75")) {
            stats.put(name, 0.5);
        }
        stats.put("AP", ap);
        stats.put("APs", -1.0);
        return MetricSnapshot.of(Protocol.COCO, "compat", stats, List.of(
                row(1, "person", personAp), row(3, "car", carAp), row(8, "truck", -1), row(9, "carrot", 0.2)));
    }

    static CategoryValues row(long id, String name, double ap) {
        return new CategoryValues(id, name, Map.of("AP", ap, "AP50", ap, "APs", -1.0));
    }

    static CheckResult check(MetricSnapshot current, MetricSnapshot baseline, String... rules) {
        return new RulesChecker(java.util.Arrays.stream(rules).map(RuleSyntax::parse).toList())
                .check(current, baseline);
    }

    @Test
    void check_minimumMet_passesWithMetMessage() {
        CheckResult r = check(coco(0.41, 0.5, 0.5), null, "AP>=0.35");
        assertThat(r.passed()).isTrue();
        assertThat(r.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.PASSED);
            assertThat(o.message()).isEqualTo("Rule met for dataset: AP is 0.410, expected minimum is 0.35");
        });
    }

    @Test
    void check_categoryBelowMinimum_printsIssueMessage() {
        CheckResult r = check(coco(0.5, 0.4125, 0.5), null, "category:person:AP>=0.450");
        assertThat(r.passed()).isFalse();
        assertThat(r.violations()).singleElement().extracting(Outcome::message)
                .isEqualTo("Rule violated for category person: AP is 0.412, but expected minimum is 0.450");
    }

    @Test
    void check_justBelowMinimum_neverPrintsAsPassing() {
        CheckResult r = check(coco(0.4499999, 0.5, 0.5), null, "AP>=0.450");
        assertThat(r.violations()).singleElement().satisfies(o -> {
            assertThat(o.shown()).isEqualTo("0.449");
            assertThat(o.message()).isEqualTo(String.format(CheckMessages.LIMIT_VIOLATED, "dataset", "AP", "0.449",
                    "minimum", "0.450"));
        });
    }

    @Test
    void check_justAboveMaximum_roundsUp() {
        CheckResult r = check(coco(0.9000001, 0.5, 0.5), null, "AP<=0.900");
        assertThat(r.violations()).singleElement().extracting(Outcome::message)
                .isEqualTo("Rule violated for dataset: AP is 0.901, but expected maximum is 0.900");
    }

    @Test
    void check_wildcardInclude_checksEachMatchingCategoryInReportOrder() {
        CheckResult r = check(coco(0.5, 0.5, 0.45), null, "category:car*:AP>=0.3");
        assertThat(r.outcomes()).extracting(Outcome::name).containsExactly("car", "carrot");
        assertThat(r.outcomes()).extracting(Outcome::status).containsExactly(Status.PASSED, Status.VIOLATED);
        assertThat(r.violations().get(0).message())
                .isEqualTo("Rule violated for category carrot: AP is 0.200, but expected minimum is 0.3");
    }

    @Test
    void check_excludes_leaveCategoriesOut() {
        Rule rule = Rule.builder(Element.CATEGORY).optInclude("car*").optExclude("carrot")
                .addLimit(Limit.minimum("AP", "0.3")).build();
        CheckResult r = new RulesChecker(List.of(rule)).check(coco(0.5, 0.5, 0.45), null);
        assertThat(r.outcomes()).extracting(Outcome::name).containsExactly("car");
        assertThat(r.passed()).isTrue();
    }

    @Test
    void check_categoryWithoutGroundTruth_failsSayingWhy() {
        CheckResult r = check(coco(0.5, 0.5, 0.5), null, "category:truck:AP>=0.3");
        assertThat(r.violations()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.MISSING);
            assertThat(o.actual()).isEqualTo(-1.0);
            assertThat(o.message())
                    .isEqualTo("Rule violated for category truck: AP cannot be computed: the category has no ground truth");
        });
    }

    /** Issue 13 item 2: the value with three decimals, the limit as written. */
    @Test
    void check_oneDecimalMinimum_messageShowsThreeDecimalsAndLimitAsWritten() {
        CheckResult r = check(coco(0.395, 0.5, 0.5), null, "AP>=0.4");
        assertThat(r.violations()).singleElement().extracting(Outcome::message)
                .isEqualTo("Rule violated for dataset: AP is 0.395, but expected minimum is 0.4");
    }

    /** Issue 13 item 4: a category two rules select is checked (and printed) once. */
    @Test
    void check_twoRulesSelectOneCategory_oneOutcome() {
        CheckResult r = check(coco(0.5, 0.5, 0.05), null, "category:car*:AP>=0.1", "category:car:AP>=0.1");
        assertThat(r.violations()).extracting(Outcome::message)
                .containsExactly("Rule violated for category car: AP is 0.050, but expected minimum is 0.1");
        assertThat(r.failureMessage()).isEqualTo("Detection metric rules have not been met.\n"
                + "Rule violated for category car: AP is 0.050, but expected minimum is 0.1");
    }

    /** Issue 13 item 4: an exact category name that does not exist is a configuration error, not a violation. */
    @Test
    void check_unknownCategoryName_configurationErrorNearestNamesFirst() {
        assertThatThrownBy(() -> check(coco(0.5, 0.5, 0.5), null, "category:Cars:AP>=0.4"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("no category is named 'Cars'; the categories are: 'car', 'carrot', 'person', 'truck'");
    }

    /** Issue 13 item 4: excludes and onMissing in the one-line syntax. */
    @Test
    void check_excludeAndOnMissingOptions_leaveOutAndIgnore() {
        CheckResult r = check(coco(0.5, 0.5, 0.1), null, "category:*:AP>=0.15;exclude=car;onMissing=ignore");
        assertThat(r.passed()).isTrue();
        assertThat(r.outcomes()).extracting(Outcome::name).containsExactly("person", "truck", "carrot");
        assertThat(r.count(Status.IGNORED)).isEqualTo(1);
    }

    /** Issue 13 item 4: a category without ground truth now and in the baseline cannot have dropped. */
    @Test
    void check_dropMissingInBothRuns_ignored() {
        CheckResult r = check(coco(0.5, 0.5, 0.5), coco(0.5, 0.5, 0.5), "category:*:AP:maxDrop=0.02");
        assertThat(r.passed()).isTrue();
        assertThat(r.outcomes()).filteredOn(o -> o.name().equals("truck")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.IGNORED);
            assertThat(o.message()).isEqualTo("Rule ignored for category truck: AP cannot be computed in this run nor"
                    + " in the baseline: the category has no ground truth");
        });
    }

    @Test
    void check_categoryAreaMetricMinusOne_namesTheArea() {
        MetricSnapshot plain = coco(0.5, 0.5, 0.5);
        MetricSnapshot current = MetricSnapshot.evaluated(Protocol.COCO, "compat", "bbox", plain.dataset(),
                plain.categories(), Map.of(), Map.of("APs", "the category has no ground truth in the small area range"));
        CheckResult r = check(current, null, "category:person:APs>=0.3");
        assertThat(r.violations()).singleElement().extracting(Outcome::message).isEqualTo("Rule violated for category"
                + " person: APs cannot be computed: the category has no ground truth in the small area range");
    }

    @Test
    void check_includeMatchingNothing_failsNamingThePattern() {
        CheckResult r = check(coco(0.5, 0.5, 0.5), null, "category:bus*:AP>=0.3");
        assertThat(r.violations()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("bus*");
            assertThat(Double.isNaN(o.actual())).isTrue();
            assertThat(o.message()).isEqualTo("Rule violated for category bus*: AP cannot be computed: no category"
                    + " matches the include pattern 'bus*'");
        });
    }

    @Test
    void check_onMissingIgnore_reportsIgnoredAndPasses() {
        Rule rule = RuleSyntax.parse("category:bus*:AP>=0.3", OnMissing.IGNORE);
        CheckResult r = new RulesChecker(List.of(rule)).check(coco(0.5, 0.5, 0.5), null);
        assertThat(r.passed()).isTrue();
        assertThat(r.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.IGNORED);
            assertThat(o.message()).isEqualTo("Rule ignored for category bus*: AP cannot be computed: no category"
                    + " matches the include pattern 'bus*' (onMissing is IGNORE)");
        });
    }

    @Test
    void check_datasetMinusOneWithoutKnownReason_usesGenericReason() {
        CheckResult r = check(coco(0.5, 0.5, 0.5), null, "APs>=0.1");
        assertThat(r.violations()).singleElement().extracting(Outcome::message)
                .isEqualTo("Rule violated for dataset: APs cannot be computed: " + CheckMessages.REASON_MINUS_ONE);
    }

    @Test
    void check_dropWithinLimit_passes() {
        CheckResult r = check(coco(0.415, 0.5, 0.5), coco(0.42, 0.5, 0.5), "AP:maxDrop=0.01");
        assertThat(r.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.PASSED);
            assertThat(o.baseline()).isEqualTo(0.42);
            assertThat(o.shown()).isEqualTo("0.005");
            assertThat(o.message()).isEqualTo("Rule met for dataset: AP is 0.4150 against baseline 0.4200, a drop"
                    + " of 0.005, expected maximum drop is 0.01");
        });
    }

    @Test
    void check_dropJustOverLimit_roundsDropUp() {
        double baseline = 0.42;
        double current = baseline - 0.0100001;
        CheckResult r = check(coco(current, 0.5, 0.5), coco(baseline, 0.5, 0.5), "AP:maxDrop=0.010");
        assertThat(r.violations()).singleElement().satisfies(o -> {
            assertThat(o.shown()).isEqualTo("0.011");
            assertThat(o.message()).isEqualTo("Rule violated for dataset: AP is 0.4100 against baseline 0.4200, a"
                    + " drop of 0.011, but expected maximum drop is 0.010");
        });
    }

    @Test
    void check_metricRose_passesWithNegativeDrop() {
        CheckResult r = check(coco(0.45, 0.5, 0.5), coco(0.42, 0.5, 0.5), "AP:maxDrop=0.01");
        assertThat(r.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.PASSED);
            assertThat(o.shown()).isEqualTo("-0.030");
        });
    }

    @Test
    void check_categoryDropAgainstBaselineWithoutCategory_failsSayingWhy() {
        MetricSnapshot baseline = MetricSnapshot.of(Protocol.COCO, "compat", Map.of("AP", 0.5), List.of());
        CheckResult r = check(coco(0.5, 0.5, 0.5), baseline, "category:person:AP:maxDrop=0.02");
        assertThat(r.violations()).singleElement().extracting(Outcome::message).isEqualTo("Rule violated for category"
                + " person: AP drop cannot be computed: the baseline has no category person");
    }

    @Test
    void check_categoryDrop_comparesSameCategoryByName() {
        MetricSnapshot baseline = MetricSnapshot.of(Protocol.COCO, "compat", Map.of("AP", 0.5),
                List.of(row(99, "person", 0.55)));
        CheckResult r = check(coco(0.5, 0.5, 0.5), baseline, "category:person:AP:maxDrop=0.02");
        assertThat(r.violations()).singleElement().satisfies(o -> assertThat(o.shown()).isEqualTo("0.050"));
    }

    @Test
    void check_dropWithoutBaseline_isConfigurationError() {
        assertThatThrownBy(() -> check(coco(0.5, 0.5, 0.5), null, "AP:maxDrop=0.01"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("needs a baseline report");
    }

    @Test
    void check_metricNotReportedForElement_isConfigurationError() {
        assertThatThrownBy(() -> check(coco(0.5, 0.5, 0.5), null, "category:person:AR1>=0.1"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("AR1 is not reported per category by this evaluation; its category metrics:");
        assertThatThrownBy(() -> check(coco(0.5, 0.5, 0.5), null, "category:person:ARs>=0.1"))
                .hasMessageStartingWith("ARs is not a category metric of coco evaluations");
        assertThatThrownBy(() -> check(coco(0.5, 0.5, 0.5), null, "mAP>=0.1"))
                .hasMessageContaining("mAP is not a dataset metric of coco evaluations");
    }

    @Test
    void check_baselineOfOtherProtocolOrMode_isConfigurationError() {
        MetricSnapshot voc = voc(Protocol.VOC07, 0.5, Map.of("cat", 0.5));
        assertThatThrownBy(() -> check(coco(0.5, 0.5, 0.5), voc, "AP:maxDrop=0.01"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("baseline is a voc07 report");
        MetricSnapshot corrected = MetricSnapshot.of(Protocol.COCO, "corrected", Map.of("AP", 0.5), List.of());
        assertThatThrownBy(() -> check(coco(0.5, 0.5, 0.5), corrected, "AP:maxDrop=0.01"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("corrected mode");
    }

    @Test
    void check_voc_gatesMapAndClassAp() {
        Map<String, Double> ap = new LinkedHashMap<>();
        ap.put("cat", 0.8);
        ap.put("dog", 0.4);
        MetricSnapshot voc = voc(Protocol.VOC12, (0.8 + 0.4) / 2, ap);
        CheckResult r = check(voc, null, "mAP>=0.6", "category:*:AP>=0.5");
        assertThat(r.outcomes()).extracting(Outcome::status)
                .containsExactly(Status.PASSED, Status.PASSED, Status.VIOLATED);
        assertThat(r.violations().get(0).message())
                .isEqualTo("Rule violated for category dog: AP is 0.400, but expected minimum is 0.5");
    }

    @Test
    void check_severalRules_keepsRuleOrderAndNumbers() {
        CheckResult r = check(coco(0.5, 0.5, 0.5), null, "AP>=0.1", "category:person:AP50>=0.1", "AR100<=0.9");
        assertThat(r.outcomes()).extracting(Outcome::rule).containsExactly(1, 2, 3);
        assertThat(r.count(Status.PASSED)).isEqualTo(3);
    }

    @Test
    void validate_protocolBeforeEvaluating_rejectsMetricsItLacks() {
        RulesChecker checker = new RulesChecker(List.of(RuleSyntax.parse("AP>=0.3")));
        checker.validate(Protocol.COCO, null);
        assertThatThrownBy(() -> checker.validate(Protocol.VOC07, null))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("AP is not a dataset metric of voc07 evaluations; dataset metrics: mAP");
    }

    @Test
    void needsBaseline_onlyWithDropLimit() {
        assertThat(new RulesChecker(List.of(RuleSyntax.parse("AP>=0.1"))).needsBaseline()).isFalse();
        assertThat(new RulesChecker(List.of(RuleSyntax.parse("AP:maxDrop=0.1"))).needsBaseline()).isTrue();
    }

    /** A VOC snapshot: dataset mAP, per class AP. */
    static MetricSnapshot voc(Protocol protocol, double map, Map<String, Double> apByClass) {
        List<CategoryValues> rows = new java.util.ArrayList<>();
        apByClass.forEach((name, ap) -> rows.add(new CategoryValues(-1, name, Map.of("AP", ap))));
        return MetricSnapshot.of(protocol, "", Map.of("mAP", map), rows);
    }
}
