/**
 * The workshop's building blocks on DJL (PyTorch engine, CPU): losses, activations, regularizers,
 * optimizers and hand-written backward passes, each checked against DJL's own operators and autograd.
 */
package dev.deteval.runtime;
