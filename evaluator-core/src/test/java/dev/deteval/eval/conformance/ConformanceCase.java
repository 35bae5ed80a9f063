package dev.deteval.eval.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One case of the conformance suite under {@code src/test/resources/conformance/}, or of the real-world
 * suite under {@code src/test/resources/realworld/}: inputs and the expected values computed by pycocotools
 * (COCO) or voc_eval.py (VOC). See each folder's README.md.
 */
public record ConformanceCase(String name, Path dir, JsonNode expected) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The folder holding every case. */
    public static Path root() {
        return folder("conformance");
    }

    /** The folder holding the real-world cases (third-party files, see its README.md). */
    public static Path realWorldRoot() {
        return folder("realworld");
    }

    private static Path folder(String name) {
        try {
            return Path.of(ConformanceCase.class.getResource("/" + name + "/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every case, sorted by name. */
    public static List<ConformanceCase> all() {
        return casesIn(root());
    }

    /**
     * The COCO cases of one iouType from both the shared suite and the cases made in this repository
     * ({@code conformance-local}, see its README.md), the shared ones first.
     */
    public static List<ConformanceCase> cocoWithLocal(String iouType) {
        return Stream.concat(coco(iouType).stream(), coco(casesIn(folder("conformance-local")), iouType).stream())
                .toList();
    }

    /** Every real-world case, sorted by name. */
    public static List<ConformanceCase> realWorld() {
        return casesIn(realWorldRoot());
    }

    private static List<ConformanceCase> casesIn(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().map(ConformanceCase::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cases of one kind ({@code coco} or {@code voc}) and, for COCO, one iouType. */
    public static List<ConformanceCase> coco(String iouType) {
        return coco(all(), iouType);
    }

    private static List<ConformanceCase> coco(List<ConformanceCase> cases, String iouType) {
        return cases.stream().filter(c -> c.kind().equals("coco") && c.iouType().equals(iouType)).toList();
    }

    /** VOC cases. */
    public static List<ConformanceCase> voc() {
        return all().stream().filter(c -> c.kind().equals("voc")).toList();
    }

    static ConformanceCase load(Path dir) {
        try {
            return new ConformanceCase(dir.getFileName().toString(), dir,
                    MAPPER.readTree(dir.resolve("expected.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code coco} or {@code voc}. */
    public String kind() {
        return expected.get("kind").asText();
    }

    /** {@code ok}, {@code error} or {@code error_with_fallback}. */
    public String status() {
        return expected.get("status").asText();
    }

    /** The COCO iouType from params.json ({@code bbox} when absent). */
    public String iouType() {
        Path params = paramsFile();
        if (params == null) {
            return "bbox";
        }
        try {
            JsonNode node = MAPPER.readTree(params.toFile());
            return node.has("iouType") ? node.get("iouType").asText() : "bbox";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** params.json, or null when the case uses the defaults. */
    public Path paramsFile() {
        Path p = dir.resolve("params.json");
        return Files.exists(p) ? p : null;
    }

    public Path gt() {
        return dir.resolve("gt.json");
    }

    public Path dt() {
        return dir.resolve("dt.json");
    }

    @Override
    public String toString() {
        return name;
    }
}
