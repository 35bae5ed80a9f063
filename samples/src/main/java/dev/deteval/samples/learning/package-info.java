/**
 * The workshop's learning samples on DJL: the OR gate step by step, the loss table, optimizers racing on
 * a non-convex function and a saddle, and under- versus overfitting. Each has a {@code main} and a test.
 */
package dev.deteval.samples.learning;
