/**
 * Detection with a trained detector: images in, evaluator-core {@link dev.deteval.eval.data.Detections}
 * (pixels) and COCO results JSON out, suppressed by evaluator-core's NMS.
 */
package dev.deteval.runtime.inference;
