package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.MetricSnapshot.CategoryValues;
import dev.deteval.eval.check.MetricSnapshot.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the metric values of a deteval JSON report (the CLI's {@code --format json} output or the Maven
 * plugin's report.json) into a {@link MetricSnapshot}, typically to serve as a gate's baseline. Reads
 * {@code protocol}, {@code mode}, the COCO {@code stats} and {@code perCategory} rows or the VOC
 * {@code mAP} and {@code perClass} rows; skips every other member (warnings, a previous {@code gate},
 * members added later) and the members of {@code stats} and of the rows that are not metric names
 * ({@code npos}, …). A metric value must be a number (-1: cannot be computed) or null.
 *
 * <p>A missing file, malformed JSON, a file that is not a deteval report or lacks its metric values is
 * an {@link InputException} naming the file and the JSON path: a gate must not run against a broken
 * baseline.
 */
public final class ReportJsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** Metric names read (values must be numbers or null); other members of stats and rows are skipped. */
    private static final Set<String> METRICS = Stream.of(Protocol.values())
            .flatMap(p -> Stream.concat(p.datasetMetrics().stream(), p.categoryMetrics().stream()))
            .collect(Collectors.toUnmodifiableSet());

    private ReportJsonReader() {
    }

    /** Reads a report file. */
    public static MetricSnapshot read(Path file) {
        try (InputStream in = InputFiles.open(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a report from a stream, which stays open.
     *
     * @param source the name used in error messages
     */
    public static MetricSnapshot read(InputStream in, String source) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return new Parser(new JsonCursor(parser, source)).parse();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** One pass over the top-level object; the protocol may come anywhere in it. */
    private static final class Parser {
        private final JsonCursor c;
        private String protocol;
        private String mode = "";
        private String iouType = "";
        private Map<String, Double> stats;
        private Double map;
        private List<Row> rows = new ArrayList<>();
        private String rowsMember;

        Parser(JsonCursor c) {
            this.c = c;
        }

        MetricSnapshot parse() {
            c.next();
            c.expect(JsonToken.START_OBJECT, "$", "an object (a deteval JSON report)");
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                member(name);
            }
            return snapshot();
        }

        private void member(String name) {
            switch (name) {
                case "tool" -> {
                    String tool = c.readString(name);
                    if (!tool.equals("deteval")) {
                        throw c.error(name, "expected \"deteval\", got \"" + tool + "\": not a deteval report");
                    }
                }
                case "protocol" -> protocol = c.readString(name);
                case "mode" -> mode = c.readString(name);
                case "iouType" -> iouType = c.readString(name);
                case "stats" -> stats = readValues(name);
                case "mAP" -> map = readMetric(name);
                case "perCategory", "perClass" -> {
                    rowsMember = name;
                    rows = readRows(name);
                }
                default -> c.skipChildren();
            }
        }

        private Map<String, Double> readValues(String path) {
            c.expect(JsonToken.START_OBJECT, path, "an object of metric values");
            Map<String, Double> values = new LinkedHashMap<>();
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                if (METRICS.contains(name)) {
                    values.put(name, readMetric(path + "." + name));
                } else {
                    c.skipChildren();
                }
            }
            return values;
        }

        private List<Row> readRows(String path) {
            c.expect(JsonToken.START_ARRAY, path, "an array of objects");
            List<Row> list = new ArrayList<>();
            while (c.next() != JsonToken.END_ARRAY) {
                String at = path + "[" + list.size() + "]";
                c.expect(JsonToken.START_OBJECT, at, "an object");
                Row row = new Row();
                while (c.next() == JsonToken.FIELD_NAME) {
                    String name = c.fieldName();
                    c.next();
                    switch (name) {
                        case "id" -> row.id = c.readLong(at + ".id");
                        case "name" -> row.name = c.readString(at + ".name");
                        default -> {
                            if (METRICS.contains(name)) {
                                row.values.put(name, readMetric(at + "." + name));
                            } else {
                                c.skipChildren();
                            }
                        }
                    }
                }
                list.add(row);
            }
            return list;
        }

        private double readMetric(String path) {
            JsonToken t = c.current();
            if (t == JsonToken.VALUE_NULL) {
                return Double.NaN;
            }
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw c.error(path, "expected a number or null, got " + JsonCursor.describe(t));
            }
            try {
                return c.parser.getDoubleValue();
            } catch (IOException e) {
                throw c.error(path, e.getMessage());
            }
        }

        private MetricSnapshot snapshot() {
            if (protocol == null) {
                throw new InputException(c.source, "", "not a deteval report: no \"protocol\" member");
            }
            Protocol p;
            try {
                p = Protocol.parse(protocol);
            } catch (IllegalArgumentException e) {
                throw new InputException(c.source, "protocol", e.getMessage());
            }
            Map<String, Double> dataset = new LinkedHashMap<>();
            if (p == Protocol.COCO) {
                require(stats != null, "\"stats\"");
                p.datasetMetrics().forEach(n -> dataset.put(n, stats.getOrDefault(n, Double.NaN)));
            } else {
                require(map != null, "\"mAP\"");
                dataset.put("mAP", map);
            }
            String expectedRows = p == Protocol.COCO ? "perCategory" : "perClass";
            require(rowsMember == null || rowsMember.equals(expectedRows), "\"" + expectedRows + "\" (found \""
                    + rowsMember + "\")");
            List<CategoryValues> categories = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Double> values = new LinkedHashMap<>();
                p.categoryMetrics().forEach(n -> values.put(n, r.values.getOrDefault(n, Double.NaN)));
                categories.add(new CategoryValues(r.id, r.name, values));
            }
            return MetricSnapshot.of(p, mode, p == Protocol.COCO ? iouType : "", dataset, categories);
        }

        private void require(boolean present, String what) {
            if (!present) {
                throw new InputException(c.source, "", "a " + protocol + " report needs a " + what + " member");
            }
        }
    }

    /** A per-category row as read. */
    private static final class Row {
        long id = -1;
        String name = "";
        final Map<String, Double> values = new LinkedHashMap<>();
    }
}
