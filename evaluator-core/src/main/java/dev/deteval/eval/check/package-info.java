/**
 * The metric gate: rules with limits on detection metrics, checked against an evaluation and, for
 * limits on a drop, against the report of an earlier run.
 *
 * <p>The CLI and the Maven plugin share this code. A front-end builds {@link dev.deteval.eval.check.Rule}s
 * (from Maven configuration, or with {@link dev.deteval.eval.check.RuleSyntax} from command-line
 * strings such as {@code category:person:AP50>=0.6}), turns the evaluation into a
 * {@link dev.deteval.eval.check.MetricSnapshot}, reads an optional baseline snapshot with
 * {@link dev.deteval.eval.io.ReportJsonReader}, and calls
 * {@link dev.deteval.eval.check.RulesChecker#check(MetricSnapshot, MetricSnapshot)}. The
 * {@link dev.deteval.eval.check.CheckResult} it gets back lists one
 * {@link dev.deteval.eval.check.Outcome} per limit and element, each with a ready-made message
 * (formats in {@link dev.deteval.eval.check.CheckMessages}); {@link dev.deteval.eval.check.GateJsonWriter},
 * {@link dev.deteval.eval.check.GateMarkdownWriter} and {@link dev.deteval.eval.check.JUnitXmlWriter}
 * put the outcomes into reports.
 *
 * <p>Configuration mistakes (a limit outside [0, 1], a metric the protocol does not have, a drop limit
 * without a baseline) are {@link dev.deteval.eval.check.InvalidRuleException}s. A metric that cannot be
 * computed is not an exception: it is an outcome with status
 * {@link dev.deteval.eval.check.Outcome.Status#MISSING}, which fails the gate unless its rule says
 * {@link dev.deteval.eval.check.OnMissing#IGNORE}.
 */
package dev.deteval.eval.check;
