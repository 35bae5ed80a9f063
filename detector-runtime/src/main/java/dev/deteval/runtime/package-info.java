/**
 * deteval's detector runtime on DJL (PyTorch engine, CPU): a small object detector (data, model, training,
 * inference, the one DJL/pixel box conversion and a command line) built from the workshop's losses,
 * activations, regularizers, optimizers and hand-written backward passes, each checked against DJL's own
 * operators and autograd.
 */
package dev.deteval.runtime;
