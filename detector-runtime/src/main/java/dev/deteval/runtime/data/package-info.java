/**
 * A seeded synthetic detection data set drawn in Java: coloured rectangles, ellipses, triangles and
 * crosses on noisy backgrounds. Scenes are laid out by {@link dev.deteval.runtime.data.SceneGenerator}, drawn
 * by {@link dev.deteval.runtime.data.SceneRenderer}, served to DJL by
 * {@link dev.deteval.runtime.data.ShapesDataset} and written as COCO JSON plus PNG files by
 * {@link dev.deteval.runtime.data.ShapesCocoWriter}.
 */
package dev.deteval.runtime.data;
