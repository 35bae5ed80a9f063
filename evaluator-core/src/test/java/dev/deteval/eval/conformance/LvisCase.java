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
 * One case of the LVIS conformance suite under {@code src/test/resources/conformance-lvis/} (a copy of
 * {@code ../shared/conformance-lvis/}): gt.json, dt.json and the values lvis-api computed (expected.json).
 * See that folder's README.md.
 */
record LvisCase(String name, Path dir, JsonNode expected) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** lvis-api's thirteen stats under our names, in its order. */
    static final String[] STAT_NAMES = {"AP", "AP50", "AP75", "APs", "APm", "APl", "APr", "APc", "APf", "AR", "ARs",
        "ARm", "ARl"};

    /** Every case, sorted by name. */
    static List<LvisCase> all() {
        Path root;
        try {
            root = Path.of(LvisCase.class.getResource("/conformance-lvis/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().map(LvisCase::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LvisCase load(Path dir) {
        try {
            return new LvisCase(dir.getFileName().toString(), dir,
                    MAPPER.readTree(dir.resolve("expected.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path gt() {
        return dir.resolve("gt.json");
    }

    Path dt() {
        return dir.resolve("dt.json");
    }

    @Override
    public String toString() {
        return name;
    }
}
