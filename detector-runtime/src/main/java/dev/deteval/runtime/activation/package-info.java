/**
 * Activations with a forward pass built from DJL operators and a hand-derived backward pass.
 *
 * <p>DJL has no custom-backward API: training always differentiates the forward pass with the engine's
 * autograd. The hand-written {@code backward} methods state the derivative explicitly and are checked
 * against autograd and finite differences in the tests. Every activation is element-wise except
 * {@link dev.deteval.runtime.activation.Softmax}, works on any shape and dtype, and returns arrays of
 * the input's shape.
 */
package dev.deteval.runtime.activation;
