package dev.deteval.eval.io;

import dev.deteval.eval.data.Names;
import dev.deteval.eval.voc.VocDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads ground truth from a VOC devkit folder: the image set {@code ImageSets/Main/<set>.txt} (one
 * image id per line) and, for each listed id, {@code Annotations/<id>.xml}. Annotation files of images
 * outside the set are not read.
 */
final class VocDevkitReader {

    private VocDevkitReader() {
    }

    /**
     * @param imageSet the set name ({@code test} for {@code test.txt}), or null to use the only
     *     {@code .txt} file in {@code ImageSets/Main/}
     * @param classes the classes to evaluate in mAP order, or null for the sorted names found
     */
    static VocDataset read(Path root, String imageSet, List<String> classes, List<String> warnings) {
        if (!Files.isDirectory(root)) {
            throw new InputException(root.toString(), "", "is not a folder (expected a VOC devkit folder with "
                    + "Annotations/ and ImageSets/Main/)");
        }
        Path annotations = root.resolve("Annotations");
        if (!Files.isDirectory(annotations)) {
            throw new InputException(root.toString(), "", "has no Annotations/ folder (expected a VOC devkit "
                    + "folder with Annotations/*.xml and ImageSets/Main/<set>.txt)");
        }
        Path setFile = setFile(root, imageSet);
        List<String> ids = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        readImageSet(setFile, ids, lines);
        VocDataset.Builder builder = classes == null ? VocDataset.builder() : VocDataset.builder(classes);
        SkippedClasses skipped = new SkippedClasses();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Path xml = annotations.resolve(id + ".xml");
            if (!Files.isRegularFile(xml)) {
                throw new InputException(setFile.toString(), TextFile.line(lines.get(i)), "image '" + id
                        + "' is listed, but " + xml + " does not exist");
            }
            VocXmlReader.read(xml, builder.addImage(id), builder, skipped);
        }
        skipped.report(warnings, annotations.toString(), "object(s)");
        return builder.build();
    }

    private static void readImageSet(Path setFile, List<String> ids, List<Integer> lines) {
        Map<String, Integer> firstLine = new HashMap<>();
        TextFile.forEachLine(setFile, (number, tokens) -> {
            if (tokens.length != 1) {
                throw new InputException(setFile.toString(), TextFile.line(number), "expected one image id per line, "
                        + "got " + tokens.length + " fields (a per-class set such as cat_test.txt is not an image set)");
            }
            if (!isPlainName(tokens[0])) {
                throw new InputException(setFile.toString(), TextFile.line(number), "image id '" + Names.cell(tokens[0])
                        + "' is not a plain file name; ids name files in Annotations/ and may not contain / or \\"
                        + " or be . or ..");
            }
            Integer before = firstLine.putIfAbsent(tokens[0], number);
            if (before != null) {
                throw new InputException(setFile.toString(), TextFile.line(number), "image '" + tokens[0]
                        + "' is listed twice (first on line " + before + ")");
            }
            ids.add(tokens[0]);
            lines.add(number);
        });
    }

    /** Whether {@code id} names a file inside Annotations/ (no folder part, no way out of it). */
    static boolean isPlainName(String id) {
        return !id.isEmpty() && id.indexOf('/') < 0 && id.indexOf('\\') < 0 && !id.equals(".") && !id.equals("..")
                && id.chars().noneMatch(Character::isISOControl);
    }

    /** The image-set file: the named one, or the only one. */
    static Path setFile(Path root, String imageSet) {
        Path main = root.resolve("ImageSets").resolve("Main");
        if (!Files.isDirectory(main)) {
            throw new InputException(root.toString(), "", "has no ImageSets/Main/ folder (expected the image set "
                    + "ImageSets/Main/<set>.txt)");
        }
        List<String> sets = setNames(main);
        if (imageSet != null) {
            Path file = main.resolve(imageSet + ".txt");
            if (!Files.isRegularFile(file)) {
                throw new InputException(main.toString(), "", "image set '" + imageSet + "' not found: no "
                        + imageSet + ".txt; available: " + describe(sets));
            }
            return file;
        }
        if (sets.size() == 1) {
            return main.resolve(sets.get(0) + ".txt");
        }
        throw new InputException(main.toString(), "", sets.isEmpty() ? "holds no image set (<set>.txt)"
                : "holds " + sets.size() + " image sets (" + describe(sets) + "); name the one to evaluate");
    }

    private static List<String> setNames(Path main) {
        try (Stream<Path> files = Files.list(main)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt")).map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new InputException(main.toString(), "", "cannot be listed: " + e, e);
        }
    }

    private static String describe(List<String> sets) {
        if (sets.isEmpty()) {
            return "none";
        }
        int shown = Math.min(sets.size(), 8);
        String list = String.join(", ", sets.subList(0, shown));
        return shown < sets.size() ? list + ", … (" + sets.size() + " in all)" : list;
    }
}
