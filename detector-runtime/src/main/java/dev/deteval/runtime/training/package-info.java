/**
 * Training the detector: the recipe, the loop, the learning-rate schedule, progress output and the
 * {@link dev.deteval.runtime.training.CocoEvaluationListener} that scores a validation set with
 * evaluator-core while training runs.
 */
package dev.deteval.runtime.training;
