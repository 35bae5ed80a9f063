package dev.deteval.eval.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.deteval.eval.check.Element;
import dev.deteval.eval.check.MetricSnapshot;
import dev.deteval.eval.check.MetricSnapshot.CategoryValues;
import dev.deteval.eval.check.Protocol;
import dev.deteval.eval.io.InputException;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the metric values of a deteval JSON report (the CLI's {@code --format json} output or the Maven
 * plugin's report.json) into a {@link MetricSnapshot}, typically to serve as a gate's baseline. Reads
 * {@code protocol}, {@code mode}, {@code iouType}, the COCO or LVIS {@code stats} (and the installed custom
 * metrics of {@code custom}, which join them) and {@code perCategory} rows or
 * the VOC {@code mAP} and {@code perClass} rows; skips every other member (warnings, a previous
 * {@code gate}, members added later) and the members of {@code stats} and of the rows that are not metric
 * names ({@code npos}, …). A metric value must be a number (-1: cannot be computed) or null.
 *
 * <p>Reports written before the metric names followed the parameters (they have no {@code maxDets}
 * member) are read with their names as written, except that a keypoint report's per-category
 * {@code AR100}, which was the recall at maxDets 20, is read as {@code AR20}, and its per-category
 * {@code APs} (always -1) is left out.
 *
 * <p>A missing file, malformed JSON, a file that is not a deteval report or lacks its metric values is
 * an {@link InputException} naming the file and the JSON path: a gate must not run against a broken
 * baseline.
 */
public final class ReportJsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ReportJsonReader() {
    }

    /** Reads a report file (a regular file, a pipe or {@code /dev/stdin}). */
    public static MetricSnapshot read(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file.toString(), "", "is a directory, expected a JSON report");
        }
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16)) {
            return read(in, file.toString());
        } catch (FileNotFoundException e) {
            String why = Files.exists(file) ? "cannot be read: " + e.getMessage() : "file not found";
            throw new InputException(file.toString(), "", why, e);
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
            return new Parser(new ReportCursor(parser, source)).parse();
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** One pass over the top-level object; the protocol may come anywhere in it. */
    private static final class Parser {
        private final ReportCursor c;
        private String protocol;
        private String mode = "";
        private String iouType = "";
        private boolean hasMaxDets;
        private Map<String, Double> stats;
        private Map<String, Double> custom = Map.of();
        private Double map;
        private List<Row> rows = new ArrayList<>();
        private String rowsMember;

        Parser(ReportCursor c) {
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
                case "custom" -> custom = readValues(name);
                case "mAP" -> map = c.readMetric(name);
                case "perCategory", "perClass" -> {
                    rowsMember = name;
                    rows = readRows(name);
                }
                case "maxDets" -> {
                    hasMaxDets = true;
                    c.skipChildren();
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
                if (isMetric(name)) {
                    values.put(name, c.readMetric(path + "." + name));
                } else {
                    c.skipChildren();
                }
            }
            return values;
        }

        private static boolean isMetric(String name) {
            return name.equals(Protocol.COCO.canonical(Element.DATASET, name))
                    || name.equals(Protocol.LVIS.canonical(Element.DATASET, name)) || name.equals("mAP");
        }

        /**
         * A row's id: a number, or a string id (a ground truth that named categories by strings). A string
         * id matches no evaluated row by id, as the numbers given to strings depend on the ground truth;
         * such rows are matched by name.
         */
        private long id(String path) {
            if (c.current() == JsonToken.VALUE_STRING) {
                c.readString(path);
                return Long.MIN_VALUE;
            }
            return c.readLong(path);
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
                        case "id" -> row.id = id(at + ".id");
                        case "name" -> row.name = c.readString(at + ".name");
                        default -> {
                            if (isMetric(name)) {
                                row.values.put(name, c.readMetric(at + "." + name));
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

        private MetricSnapshot snapshot() {
            if (protocol == null) {
                throw new InputException(c.source(), "", "not a deteval report: no \"protocol\" member");
            }
            Protocol p;
            try {
                p = Protocol.parse(protocol);
            } catch (IllegalArgumentException e) {
                throw new InputException(c.source(), "protocol", e.getMessage());
            }
            Map<String, Double> dataset = new LinkedHashMap<>();
            if (!p.voc()) {
                require(stats != null, "\"stats\"");
                dataset.putAll(stats);
                dataset.putAll(custom);
            } else {
                require(map != null, "\"mAP\"");
                dataset.put("mAP", map);
            }
            String expectedRows = p.voc() ? "perClass" : "perCategory";
            require(rowsMember == null || rowsMember.equals(expectedRows), "\"" + expectedRows + "\" (found \""
                    + rowsMember + "\")");
            boolean oldKeypoints = !hasMaxDets && iouType.equals("keypoints");
            List<CategoryValues> categories = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Double> values = new LinkedHashMap<>();
                r.values.forEach((name, v) -> {
                    if (p.canonical(Element.CATEGORY, name) == null) {
                        return;
                    }
                    if (oldKeypoints && name.equals("APs")) {
                        return;
                    }
                    values.put(oldKeypoints && name.equals("AR100") ? "AR20" : name, v);
                });
                categories.add(new CategoryValues(r.id, r.name, values));
            }
            return MetricSnapshot.of(p, mode, p.voc() ? "" : iouType, dataset, categories);
        }

        private void require(boolean present, String what) {
            if (!present) {
                throw new InputException(c.source(), "", "a " + protocol + " report needs a " + what + " member");
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
