package dev.deteval.eval.io;

import dev.deteval.eval.data.Detections;
import dev.deteval.eval.data.GroundTruth;
import dev.deteval.eval.data.Names;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses YOLO label lines and turns their normalised boxes into COCO pixel boxes.
 *
 * <p>A line {@code class cx cy w h} holds the class index and the box centre, width and height as fractions
 * of the image width {@code W} and height {@code H}, each in [0, 1]. Its COCO box (continuous pixel
 * coordinates, top-left origin, no +1) is {@code x = W·(cx − w/2)}, {@code y = H·(cy − h/2)}, width
 * {@code W·w}, height {@code H·h}; its area is width × height. A ground-truth line with more than five values
 * is a polygon {@code class x1 y1 x2 y2 …} (at least three points, Ultralytics' segment labels): its box is
 * the smallest one holding every point, as Ultralytics derives it for detection. A prediction line has a
 * sixth value, the confidence ({@code save_txt} with {@code save_conf}).
 */
final class YoloLabels {

    private final String source;
    private final int classes;
    private final double width;
    private final double height;
    private final double[] box = new double[4];
    private int polygons;

    private YoloLabels(Path file, int classes, int width, int height) {
        this.source = file.toString();
        this.classes = classes;
        this.width = width;
        this.height = height;
    }

    /**
     * Adds the labels of {@code file} (none when it does not exist) to image {@code imageId}, numbering the
     * annotations from {@code nextId}; returns how many lines were polygons.
     */
    static int readGroundTruth(Path file, long imageId, int[] size, int classes, GroundTruth.Builder out,
            long[] nextId, Origins origins) {
        if (!Files.exists(file)) {
            return 0;
        }
        YoloLabels labels = new YoloLabels(file, classes, size[0], size[1]);
        TextFile.forEachLine(file, (line, tokens) -> {
            int cls = labels.groundTruthLine(line, tokens);
            out.addAnnotation(nextId[0]++, imageId, cls, labels.box[0], labels.box[1], labels.box[2], labels.box[3]);
            origins.add(labels.source, TextFile.line(line));
        });
        return labels.polygons;
    }

    /** Adds the predictions of {@code file} ({@code class cx cy w h conf} lines) for image {@code imageId}. */
    static void readPredictions(Path file, long imageId, int[] size, int classes, Detections.Builder out) {
        YoloLabels labels = new YoloLabels(file, classes, size[0], size[1]);
        TextFile.forEachLine(file, (line, tokens) -> {
            if (tokens.length != 6) {
                throw labels.error(line, "expected 6 values (class cx cy w h confidence: Ultralytics' save_txt with"
                        + " save_conf), got " + tokens.length);
            }
            int cls = labels.classIndex(line, tokens[0]);
            labels.centreBox(line, tokens);
            double conf = labels.number(line, tokens[5], "confidence");
            out.add(imageId, cls, labels.box[0], labels.box[1], labels.box[2], labels.box[3], conf);
        });
    }

    private int groundTruthLine(int line, String[] tokens) {
        int cls = classIndex(line, tokens[0]);
        if (tokens.length == 5) {
            centreBox(line, tokens);
        } else if (tokens.length >= 7 && tokens.length % 2 == 1) {
            polygonBox(line, tokens);
            polygons++;
        } else {
            throw error(line, "expected 5 values (class cx cy w h) or a polygon (class x1 y1 x2 y2 x3 y3 …), got "
                    + tokens.length + " values");
        }
        return cls;
    }

    private void centreBox(int line, String[] t) {
        double cx = fraction(line, t[1], "cx");
        double cy = fraction(line, t[2], "cy");
        double w = fraction(line, t[3], "w");
        double h = fraction(line, t[4], "h");
        box[0] = width * (cx - w / 2);
        box[1] = height * (cy - h / 2);
        box[2] = width * w;
        box[3] = height * h;
    }

    private void polygonBox(int line, String[] t) {
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < t.length; k += 2) {
            double x = fraction(line, t[k], "x");
            double y = fraction(line, t[k + 1], "y");
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
        }
        box[0] = width * x0;
        box[1] = height * y0;
        box[2] = width * (x1 - x0);
        box[3] = height * (y1 - y0);
    }

    private int classIndex(int line, String text) {
        double v = Numbers.parse(text);
        if (Double.isNaN(v) || v != Math.rint(v) || v < 0) {
            throw error(line, "class '" + clip(text) + "' is not a class index (a whole number from 0)");
        }
        if (v >= classes) {
            throw error(line, "class " + text + " is not among the " + classes + " classes of the dataset YAML (0.."
                    + (classes - 1) + ")");
        }
        return (int) v;
    }

    private double fraction(int line, String text, String what) {
        double v = number(line, text, what);
        if (v < 0 || v > 1) {
            throw error(line, what + " is " + text + ", outside [0, 1] (YOLO coordinates are fractions of the"
                    + " image size)");
        }
        return v;
    }

    private double number(int line, String text, String what) {
        double v = Numbers.parse(text);
        if (Double.isNaN(v)) {
            throw error(line, what + " is not a number: '" + clip(text) + "'");
        }
        return v;
    }

    private static String clip(String text) {
        return Names.cell(text);
    }

    private InputException error(int line, String problem) {
        return new InputException(source, TextFile.line(line), problem);
    }
}
