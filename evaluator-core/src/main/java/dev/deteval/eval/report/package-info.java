/**
 * Every report format, written and read: text (pycocotools' summary lines and a per-category table),
 * JSON (full precision, with the gate's {@code gate} member), Markdown and JUnit XML
 * ({@link dev.deteval.eval.report.EvaluationReport}), and the JSON report read back as a gate baseline
 * ({@link dev.deteval.eval.report.ReportJsonReader}). Names come from the metric vocabulary
 * ({@code coco.CocoMetric}); values from the evaluators' results and the gate's
 * {@code check.CheckResult}. Files are written by the caller ({@code gate}), whole or not at all.
 */
package dev.deteval.eval.report;
