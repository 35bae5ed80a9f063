/**
 * Regularization: L1 and L2 penalties added to a loss ({@link dev.deteval.runtime.regularization.PenalizedLoss}),
 * instance normalization with running statistics ({@link dev.deteval.runtime.regularization.InstanceNorm}).
 *
 * <p>Dropout and batch normalization are DJL's own {@link ai.djl.nn.norm.Dropout} and
 * {@link ai.djl.nn.norm.BatchNorm}; this package's tests pin their training and inference behaviour
 * (mask and 1/(1−p) scaling, running-statistics update with momentum). Decoupled weight decay is an
 * optimizer setting: {@link dev.deteval.runtime.optim.EquationOptimizer.Builder#optDecoupledWeightDecay}.
 */
package dev.deteval.runtime.regularization;
