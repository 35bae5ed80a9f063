/**
 * Pascal VOC detection evaluation: {@link dev.deteval.eval.voc.VocDataset} (ground truth),
 * {@link dev.deteval.eval.voc.VocDetections}, {@link dev.deteval.eval.voc.VocParams} and
 * {@link dev.deteval.eval.voc.VocEvaluator}, which reproduces voc_eval.py by default. Readers for the
 * devkit layout and JSON forms are in {@code dev.deteval.eval.io.VocReader}.
 */
package dev.deteval.eval.voc;
