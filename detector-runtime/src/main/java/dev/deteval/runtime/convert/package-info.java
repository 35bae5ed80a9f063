/** The conversion between DJL's normalised boxes and evaluator-core's pixel boxes, in one class. */
package dev.deteval.runtime.convert;
