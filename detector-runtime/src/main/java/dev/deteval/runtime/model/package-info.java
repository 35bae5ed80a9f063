/**
 * The centre-heatmap detector: its network ({@link dev.deteval.runtime.model.CenterNetwork}), output grid
 * ({@link dev.deteval.runtime.model.GridLayout}), training targets
 * ({@link dev.deteval.runtime.model.CenterTargets}), loss ({@link dev.deteval.runtime.model.DetectorLoss})
 * and files ({@link dev.deteval.runtime.model.DetectorModels}).
 */
package dev.deteval.runtime.model;
