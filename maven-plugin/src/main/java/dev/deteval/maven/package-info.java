/**
 * The deteval Maven plugin: {@code deteval:check} gates a build on detection metrics. The mojos only bind
 * parameters, log and fail; evaluation, the rules and their checker, and the report formats live in
 * evaluator-core ({@link dev.deteval.eval.check}).
 */
package dev.deteval.maven;
