package dev.deteval.eval.io;

import dev.deteval.eval.voc.VocDataset;
import dev.deteval.eval.voc.VocDetections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads VOC results files from a folder: one file per class named {@code det_<set>_<class>.txt},
 * optionally with a prefix as the devkit writes them ({@code comp4_det_test_car.txt}); one detection
 * per line, {@code <image id> <score> <xmin> <ymin> <xmax> <ymax>} separated by white space. The part
 * before {@code _<class>.txt} (for example {@code comp4_det_test}) is called the run here. Every class
 * of the ground truth needs a file of the run (an empty file means no detections); files of the run
 * for other classes are not read and are named in a warning.
 */
final class VocResultsFolderReader {

    private static final String PREFIX = "det_";
    private static final String SUFFIX = ".txt";

    private VocResultsFolderReader() {
    }

    /**
     * @param imageSet the set name in the file names, or null to find the run from the file names: the
     *     only run with a file for every class, or else the only run seen
     */
    static VocDetections read(Path dir, VocDataset gt, String imageSet, List<String> warnings) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "", "is not a folder (expected det_<set>_<class>.txt files)");
        }
        List<String> files = textFiles(dir);
        String run = findRun(dir, files, gt.classes(), imageSet);
        VocDetections.Builder builder = VocDetections.builder(gt);
        Set<String> used = new HashSet<>();
        for (int k = 0; k < gt.classes().size(); k++) {
            String name = run + "_" + gt.classes().get(k) + SUFFIX;
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new InputException(dir.toString(), "", "has no " + name + " for class '" + gt.classes().get(k)
                        + "' (every class needs a results file; an empty file means no detections)");
            }
            used.add(name);
            readFile(file, k, gt, builder);
        }
        List<String> unused = files.stream().filter(f -> f.startsWith(run + "_") && !used.contains(f)).toList();
        if (!unused.isEmpty()) {
            warnings.add(dir + ": results files of classes that are not evaluated were not read: "
                    + String.join(", ", unused));
        }
        return builder.build();
    }

    private static void readFile(Path file, int k, VocDataset gt, VocDetections.Builder builder) {
        String source = file.toString();
        TextFile.forEachLine(file, (number, t) -> {
            if (t.length != 6) {
                throw new InputException(source, TextFile.line(number), "expected 6 fields 'image score xmin ymin "
                        + "xmax ymax', got " + t.length);
            }
            int image = gt.imageIndex(t[0]);
            if (image < 0) {
                throw new InputException(source, TextFile.line(number), "image '" + t[0]
                        + "' is not in the ground truth (voc_eval.py fails on it too)");
            }
            double score = field(source, number, "score", t[1]);
            double xmin = field(source, number, "xmin", t[2]);
            double ymin = field(source, number, "ymin", t[3]);
            double xmax = field(source, number, "xmax", t[4]);
            double ymax = field(source, number, "ymax", t[5]);
            if (xmax < xmin || ymax < ymin) {
                throw new InputException(source, TextFile.line(number), "xmax must not be less than xmin, nor ymax "
                        + "less than ymin, got " + t[2] + " " + t[3] + " " + t[4] + " " + t[5]);
            }
            builder.add(image, k, score, xmin, ymin, xmax, ymax);
        });
    }

    private static double field(String source, int line, String name, String text) {
        double v = Numbers.parse(text);
        if (Double.isNaN(v)) {
            throw new InputException(source, TextFile.line(line), name + " is not a finite number: '" + text + "'");
        }
        return v;
    }

    private static List<String> textFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir.toString(), "", "cannot be listed: " + e, e);
        }
    }

    /**
     * The run: among the names {@code R} for which some {@code R_<class>.txt} exists and {@code R} is
     * {@code det_<set>} or ends in {@code _det_<set>} (with the given set, if any), the only one that
     * covers every class, or else the only one.
     */
    static String findRun(Path dir, List<String> files, List<String> classes, String imageSet) {
        Map<String, Integer> covered = new TreeMap<>();
        for (String f : files) {
            for (String c : classes) {
                String tail = "_" + c + SUFFIX;
                if (f.endsWith(tail)) {
                    String run = f.substring(0, f.length() - tail.length());
                    if (isRun(run, imageSet)) {
                        covered.merge(run, 1, Integer::sum);
                    }
                }
            }
        }
        String pattern = imageSet == null ? "det_<set>_<class>.txt" : "det_" + imageSet + "_<class>.txt";
        if (covered.isEmpty()) {
            throw new InputException(dir.toString(), "", "holds no results file " + pattern + " for the classes "
                    + classes);
        }
        List<String> complete = new ArrayList<>();
        covered.forEach((run, n) -> {
            if (n == classes.size()) {
                complete.add(run);
            }
        });
        if (complete.size() == 1) {
            return complete.get(0);
        }
        if (complete.isEmpty() && covered.size() == 1) {
            return covered.keySet().iterator().next();
        }
        throw new InputException(dir.toString(), "", "holds several sets of results files ("
                + String.join(", ", complete.isEmpty() ? covered.keySet() : complete)
                + "); name the image set, or keep one set of files per folder");
    }

    private static boolean isRun(String run, String imageSet) {
        if (imageSet != null) {
            String tail = PREFIX + imageSet;
            return run.equals(tail) || run.endsWith("_" + tail);
        }
        if (run.startsWith(PREFIX)) {
            return run.length() > PREFIX.length();
        }
        int at = run.indexOf("_" + PREFIX);
        return at > 0 && run.length() > at + 1 + PREFIX.length();
    }
}
