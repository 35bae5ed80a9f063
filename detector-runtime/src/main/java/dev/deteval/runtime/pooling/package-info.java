/**
 * Backpropagation through 2-D pooling written by hand and checked against DJL autograd: the gradient of a
 * max pool goes only to the (first) maximum of each window; that of an average pool is shared equally
 * over each window.
 */
package dev.deteval.runtime.pooling;
