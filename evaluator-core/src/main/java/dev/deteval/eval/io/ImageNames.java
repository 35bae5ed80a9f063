package dev.deteval.eval.io;

import dev.deteval.eval.data.GroundTruth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How the file-based formats (YOLO, VOC) name a ground truth's images: by the base name of each image's
 * {@code file_name} (the image id followed by {@code .jpg} when it has none) and its stem, which names the
 * label or annotation file and so must differ between images.
 */
final class ImageNames {

    private final String[] baseNames;
    private final String[] stems;

    private ImageNames(String[] baseNames, String[] stems) {
        this.baseNames = baseNames;
        this.stems = stems;
    }

    /** The names; two images with the same stem are an error naming {@code source}. */
    static ImageNames of(GroundTruth gt, String source) {
        int n = gt.imageCount();
        String[] bases = new String[n];
        String[] stems = new String[n];
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String name = gt.imageFileName(i);
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            String base = name.substring(slash + 1);
            if (base.isEmpty() || base.equals(".") || base.equals("..")) {
                base = gt.imageId(i) + ".jpg";
            }
            bases[i] = base;
            int dot = base.lastIndexOf('.');
            stems[i] = dot > 0 ? base.substring(0, dot) : base;
            Integer before = first.putIfAbsent(stems[i], i);
            if (before != null) {
                throw new InputException(source, "images[" + i + "]", "images " + gt.imageId(before) + " ('"
                        + gt.imageFileName(before) + "') and " + gt.imageId(i) + " ('" + name + "') have the same file"
                        + " name stem '" + stems[i] + "', which names their label file; rename one");
            }
        }
        return new ImageNames(bases, stems);
    }

    String baseName(int image) {
        return baseNames[image];
    }

    String stem(int image) {
        return stems[image];
    }

    /**
     * Copies image {@code i}'s file, found as its {@code file_name} under {@code from}, to {@code to} (through
     * {@link AtomicFile}).
     */
    static void copy(GroundTruth gt, int i, Path from, Path to) {
        Path source = from.resolve(gt.imageFileName(i).isEmpty() ? to.getFileName().toString() : gt.imageFileName(i));
        if (!Files.isRegularFile(source)) {
            throw new InputException(source.toString(), "", "image " + gt.imageId(i) + " not found (its file is"
                    + " copied into the converted dataset)");
        }
        AtomicFile.write(to, out -> Files.copy(source, out));
    }

    /** Annotation indices grouped by image index (input order within an image); -1 marks an unknown image. */
    static int[][] byImage(GroundTruth gt) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < gt.imageCount(); i++) {
            index.put(gt.imageId(i), i);
        }
        long[] images = gt.imageIdColumn();
        int[] counts = new int[gt.imageCount()];
        int[] imageOf = new int[images.length];
        for (int a = 0; a < images.length; a++) {
            imageOf[a] = index.get(images[a]); // GroundTruth guarantees every annotation's image exists
            counts[imageOf[a]]++;
        }
        int[][] out = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int a = 0; a < images.length; a++) {
            out[imageOf[a]][counts[imageOf[a]]++] = a;
        }
        return out;
    }
}
