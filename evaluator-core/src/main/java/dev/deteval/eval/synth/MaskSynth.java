package dev.deteval.eval.synth;

import dev.deteval.eval.mask.Polygons;
import dev.deteval.eval.mask.Rle;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Segmentations for the objects and detections of one synthetic image (see {@link SyntheticCoco}).
 *
 * <p>Each object gets a convex polygon: 6 to 12 points at random angles on the ellipse inscribed in its
 * box, coordinates rounded to 2 decimals; when that covers no pixel, the box outline is used instead. Its
 * mask (pycocotools' rasterisation, {@link Polygons}) gives the object's area. A detection copied from an
 * object gets that polygon mapped from the object's box onto the detection's box, each vertex moved by up
 * to 3 % of the box size; a background detection gets the mask of its box. Draws come from a random
 * source of their own, so the boxes and scores are the same with or without segmentations.
 */
final class MaskSynth {

    private static final int MIN_POINTS = 6;
    private static final int MAX_POINTS = 12;
    private static final double VERTEX_JITTER = 0.03;

    private final SplittableRandom random;
    double[][] objectPolygon = new double[32][];
    Rle[] objectMask = new Rle[32];

    MaskSynth(SplittableRandom random) {
        this.random = random;
    }

    /** Fills {@link #objectPolygon} and {@link #objectMask} for the objects of {@code synth}. */
    void generateObjects(ImageSynth synth, int width, int height) {
        if (synth.objects > objectMask.length) {
            objectPolygon = new double[synth.objects][];
            objectMask = new Rle[synth.objects];
        }
        for (int a = 0; a < synth.objects; a++) {
            double[] box = Arrays.copyOfRange(synth.objectBox, 4 * a, 4 * a + 4);
            double[] polygon = ellipse(box);
            Rle mask = Polygons.rasterize(polygon, height, width);
            if (mask.area() == 0) {
                polygon = outline(box);
                mask = Polygons.rasterize(polygon, height, width);
            }
            objectPolygon[a] = polygon;
            objectMask[a] = mask;
        }
    }

    /** The mask of detection {@code d} of {@code synth}; {@link #generateObjects} must have run for the image. */
    Rle detectionMask(ImageSynth synth, int d, int width, int height) {
        double[] box = Arrays.copyOfRange(synth.detectionBox, 4 * d, 4 * d + 4);
        int source = synth.detectionSource[d];
        if (source < 0) {
            return Rle.fromBox(box[0], box[1], box[2], box[3], height, width);
        }
        double[] from = Arrays.copyOfRange(synth.objectBox, 4 * source, 4 * source + 4);
        double[] polygon = objectPolygon[source].clone();
        for (int i = 0; i < polygon.length; i += 2) {
            polygon[i] = mapped(polygon[i], from[0], from[2], box[0], box[2]);
            polygon[i + 1] = mapped(polygon[i + 1], from[1], from[3], box[1], box[3]);
        }
        Rle mask = Polygons.rasterize(polygon, height, width);
        return mask.area() > 0 ? mask : Rle.fromBox(box[0], box[1], box[2], box[3], height, width);
    }

    private double mapped(double v, double fromStart, double fromSize, double toStart, double toSize) {
        double jitter = VERTEX_JITTER * toSize * (random.nextDouble() * 2 - 1);
        return SyntheticCoco.round(toStart + (v - fromStart) * toSize / fromSize + jitter, 2);
    }

    private double[] ellipse(double[] box) {
        int points = MIN_POINTS + random.nextInt(MAX_POINTS - MIN_POINTS + 1);
        double[] angles = new double[points];
        for (int i = 0; i < points; i++) {
            angles[i] = random.nextDouble() * 2 * Math.PI;
        }
        Arrays.sort(angles);
        double rx = box[2] / 2;
        double ry = box[3] / 2;
        double[] polygon = new double[2 * points];
        for (int i = 0; i < points; i++) {
            polygon[2 * i] = SyntheticCoco.round(box[0] + rx + rx * Math.cos(angles[i]), 2);
            polygon[2 * i + 1] = SyntheticCoco.round(box[1] + ry + ry * Math.sin(angles[i]), 2);
        }
        return polygon;
    }

    private static double[] outline(double[] box) {
        double x0 = SyntheticCoco.round(box[0], 2);
        double y0 = SyntheticCoco.round(box[1], 2);
        double x1 = SyntheticCoco.round(box[0] + box[2], 2);
        double y1 = SyntheticCoco.round(box[1] + box[3], 2);
        return new double[] {x0, y0, x1, y0, x1, y1, x0, y1};
    }
}
