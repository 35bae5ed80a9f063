/**
 * Optimizers written from their update equations as DJL {@link ai.djl.training.optimizer.Optimizer}s:
 * gradient descent, SGD with momentum, AdaGrad, RMSProp and Adam, each with optional decoupled weight
 * decay.
 *
 * <p>Conventions shared by every optimizer here (see {@link dev.deteval.runtime.optim.EquationOptimizer}):
 * θ is a parameter array, g its gradient, η the learning rate at step t (t counts from 1), all
 * operations are element-wise and every array keeps the parameter's shape.
 */
package dev.deteval.runtime.optim;
