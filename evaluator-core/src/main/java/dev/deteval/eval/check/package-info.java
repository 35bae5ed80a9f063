/**
 * The metric gate's rules: limits on named metrics, checked against an evaluation's values and, for
 * limits on a drop, against the values of an earlier run.
 *
 * <p>The CLI and the Maven plugin share this code through {@code dev.deteval.eval.gate.Gate}. A front-end
 * builds {@link dev.deteval.eval.check.Rule}s (from Maven configuration, or with
 * {@link dev.deteval.eval.check.RuleSyntax} from command-line strings such as
 * {@code category:person:AP50>=0.6}); the gate turns the evaluation and the baseline report into
 * {@link dev.deteval.eval.check.MetricSnapshot}s (package {@code report}) and calls
 * {@link dev.deteval.eval.check.RulesChecker#check(MetricSnapshot, MetricSnapshot)}. The
 * {@link dev.deteval.eval.check.CheckResult} lists one {@link dev.deteval.eval.check.Outcome} per limit
 * and element, each with a ready-made message (formats in {@link dev.deteval.eval.check.CheckMessages}).
 *
 * <p>This package reads no files and writes no reports: it depends on the metric vocabulary
 * ({@code coco.CocoMetric}) and name escaping ({@code data.Names}) only.
 *
 * <p>Configuration mistakes (a limit outside [0, 1], a metric the evaluation does not report, a category
 * name that does not exist, a drop limit without a baseline) are
 * {@link dev.deteval.eval.check.InvalidRuleException}s. A metric that cannot be computed is not an
 * exception: it is an outcome with status {@link dev.deteval.eval.check.Outcome.Status#MISSING}, which fails
 * the gate unless its rule says {@link dev.deteval.eval.check.OnMissing#IGNORE}.
 */
package dev.deteval.eval.check;
