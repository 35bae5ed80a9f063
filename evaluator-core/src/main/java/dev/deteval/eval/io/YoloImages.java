package dev.deteval.eval.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image files of a YOLO split and where their label files are, as Ultralytics finds them.
 *
 * <ul>
 *   <li>A folder source contributes every file below it (recursively) whose extension is one of
 *       Ultralytics' image formats, in any letter case.</li>
 *   <li>A {@code .txt} source lists one image path per line; a relative line is resolved against the list
 *       file's folder (Ultralytics does so for lines starting with {@code ./} and resolves other relative
 *       lines against the working folder).</li>
 *   <li>Any other file is taken as one image.</li>
 * </ul>
 * The images of all sources are sorted by path, as Ultralytics sorts them. An image's label file is its
 * path with the last {@code /images/} segment replaced by {@code /labels/} and the extension by
 * {@code .txt}.
 */
final class YoloImages {

    /** Ultralytics' image extensions (its {@code IMG_FORMATS}). */
    static final Set<String> EXTENSIONS = Set.of("bmp", "dng", "jpeg", "jpg", "mpo", "png", "tif", "tiff", "webp",
            "pfm", "heic");

    private YoloImages() {
    }

    /** The sorted image files of the sources; at least one. */
    static List<Path> list(Path yaml, List<YoloYaml.Source> sources) {
        List<Path> images = new ArrayList<>();
        for (YoloYaml.Source s : sources) {
            Path p = s.path();
            if (Files.isDirectory(p)) {
                images.addAll(folder(p));
            } else if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")) {
                images.addAll(listFile(p));
            } else if (Files.isRegularFile(p)) {
                images.add(p);
            } else {
                throw new InputException(yaml.toString(), s.location(), p + " does not exist");
            }
        }
        images.sort(null);
        if (images.isEmpty()) {
            throw new InputException(yaml.toString(), sources.get(0).location(), "no images found (extensions "
                    + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ")");
        }
        for (int i = 1; i < images.size(); i++) {
            if (images.get(i).equals(images.get(i - 1))) {
                throw new InputException(yaml.toString(), "", "image " + images.get(i) + " is listed twice");
            }
        }
        return images;
    }

    private static List<Path> folder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> isImage(f) && Files.isRegularFile(f)).map(Path::normalize).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(folder.toString(), "", "cannot be listed: " + e.getMessage(), e);
        }
    }

    private static List<Path> listFile(Path file) {
        List<Path> images = new ArrayList<>();
        Path base = file.toAbsolutePath().getParent();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                Path image = base.resolve(line).normalize();
                if (!Files.isRegularFile(image)) {
                    throw new InputException(file.toString(), TextFile.line(i + 1), "image " + image
                            + " does not exist");
                }
                images.add(image);
            }
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        }
        return images;
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The label file of {@code image}: last {@code /images/} segment → {@code /labels/}, extension → .txt. */
    static Path labelFile(Path image) {
        String sep = image.getFileSystem().getSeparator();
        String path = image.toAbsolutePath().toString();
        String from = sep + "images" + sep;
        int at = path.lastIndexOf(from);
        if (at >= 0) {
            path = path.substring(0, at) + sep + "labels" + sep + path.substring(at + from.length());
        }
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf(sep);
        return Path.of((dot > slash ? path.substring(0, dot) : path) + ".txt");
    }

    /** The file name of {@code file} without its extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
