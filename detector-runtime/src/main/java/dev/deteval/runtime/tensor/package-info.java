/**
 * Tensor values that are safe to hand to the engine's autograd (see
 * {@link dev.deteval.runtime.tensor.EngineScalar}).
 */
package dev.deteval.runtime.tensor;
