/**
 * The workshop's losses as DJL {@link ai.djl.training.loss.Loss} subclasses.
 *
 * <p>Shapes and reduction, shared by every loss here unless its Javadoc says otherwise: labels and
 * predictions are single arrays of the same shape {@code (N, ...)} with the batch on axis 0 (a 1-D
 * array {@code (N)} is N samples of one value each). Each loss computes an element-wise or per-sample
 * term, <b>sums it over the non-batch axes of a sample</b>, and returns the <b>mean over the batch</b>
 * as a scalar. So the squared error of a 2-class prediction is summed over the two classes and averaged
 * over rows, which is the workshop's convention; DJL's built-in losses average over every element
 * instead, and each class's Javadoc states the factor between the two.
 *
 * <p>All arithmetic is float32; give float32 inputs ({@code NDManager.create(double[])} makes float64).
 */
package dev.deteval.runtime.loss;
