package dev.deteval.eval.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.deteval.eval.coco.CocoMode;
import dev.deteval.eval.coco.CocoParams;
import dev.deteval.eval.coco.IouType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads COCO evaluation parameters from a JSON object whose keys are pycocotools' {@code Params}
 * names: {@code iouThrs}, {@code recThrs}, {@code maxDets}, {@code areaRng}, {@code areaRngLbl},
 * {@code useCats}, {@code imgIds}, {@code catIds}, and {@code iouType} ({@code bbox}, {@code segm} or {@code keypoints}; keypoints change the defaults of
 * maxDets and the area ranges) and {@code kpt_oks_sigmas}.
 * Absent keys keep the mode's defaults; an unknown key is an error, so a typo never goes unnoticed.
 */
public final class CocoParamsReader {

    /** NaN and Infinity are parsed so that they are reported as "not finite" at their key. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private CocoParamsReader() {
    }

    /** Reads parameters from {@code file} on top of the defaults of {@code mode}. */
    public static CocoParams read(Path file, CocoMode mode) {
        return read(file, mode, null);
    }

    /**
     * Reads parameters from {@code file} on top of the defaults of {@code mode} and {@code iouType}.
     *
     * @param iouType the type asked for outside the file (the command line), or null; a file whose
     *     {@code iouType} differs from it is an error
     */
    public static CocoParams read(Path file, CocoMode mode, IouType iouType) {
        try (InputStream in = InputFiles.open(file)) {
            return read(in, file.toString(), mode, iouType);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads parameters from a stream; {@code source} names it in errors. */
    public static CocoParams read(InputStream in, String source, CocoMode mode) {
        return read(in, source, mode, null);
    }

    /** Reads parameters from a stream; see {@link #read(Path, CocoMode, IouType)}. */
    public static CocoParams read(InputStream in, String source, CocoMode mode, IouType iouType) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonCursor c = new JsonCursor(parser, source);
            c.next();
            c.expect(JsonToken.START_OBJECT, "$", "a JSON object of pycocotools Params names");
            CocoParams.Builder b = CocoParams.builder(mode);
            if (iouType != null) {
                b.optIouType(iouType);
            }
            double[][] areaRng = null;
            String[] areaLbl = null;
            Set<String> seen = new HashSet<>();
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.fieldName();
                c.next();
                if (!seen.add(name)) {
                    throw c.error(name, "member '" + name + "' appears twice in one object");
                }
                switch (name) {
                    case "iouThrs" -> b.optIouThrs(doubles(c, name));
                    case "recThrs" -> b.optRecThrs(doubles(c, name));
                    case "maxDets" -> b.optMaxDets(ints(c, name));
                    case "areaRng" -> areaRng = ranges(c, name);
                    case "areaRngLbl" -> areaLbl = strings(c, name);
                    case "useCats" -> b.optUseCats(c.readFlag(name));
                    case "imgIds" -> b.optImgIds(longs(c, name));
                    case "catIds" -> b.optCatIds(longs(c, name));
                    case "iouType" -> {
                        String type = c.readString(name);
                        IouType fromFile;
                        try {
                            fromFile = IouType.of(type);
                        } catch (IllegalArgumentException e) {
                            throw c.error(name, e.getMessage());
                        }
                        if (iouType != null && fromFile != iouType) {
                            throw c.error(name, "iouType '" + type + "' differs from the requested '"
                                    + iouType.label() + "'");
                        }
                        b.optIouType(fromFile);
                    }
                    case "kpt_oks_sigmas" -> b.optKptOksSigmas(doubles(c, name));
                    default -> throw c.error(name, "unknown parameter '" + name + "'; known: iouThrs, recThrs,"
                            + " maxDets, areaRng, areaRngLbl, useCats, imgIds, catIds, iouType, kpt_oks_sigmas");
                }
            }
            if (areaRng != null || areaLbl != null) {
                if (areaRng == null || areaLbl == null) {
                    throw new InputException(source, "$", "areaRng and areaRngLbl must be given together");
                }
                b.optAreaRanges(areaRng, areaLbl);
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new InputException(source, "$", e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static double[] doubles(JsonCursor c, String path) {
        c.expect(JsonToken.START_ARRAY, path, "an array of numbers");
        List<Double> values = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) {
            values.add(c.readFinite(path + "[" + values.size() + "]"));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long[] longs(JsonCursor c, String path) {
        c.expect(JsonToken.START_ARRAY, path, "an array of integers");
        List<Long> values = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) {
            values.add(c.readLong(path + "[" + values.size() + "]"));
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static int[] ints(JsonCursor c, String path) {
        c.expect(JsonToken.START_ARRAY, path, "an array of integers");
        List<Integer> values = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) {
            String p = path + "[" + values.size() + "]";
            long v = c.readLong(p);
            if (v <= 0 || v > Integer.MAX_VALUE) {
                throw c.error(p, "must be a positive integer, got " + v);
            }
            values.add((int) v);
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String[] strings(JsonCursor c, String path) {
        c.expect(JsonToken.START_ARRAY, path, "an array of strings");
        List<String> values = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) {
            values.add(c.readString(path + "[" + values.size() + "]"));
        }
        return values.toArray(new String[0]);
    }

    private static double[][] ranges(JsonCursor c, String path) {
        c.expect(JsonToken.START_ARRAY, path, "an array of [lo, hi] pairs");
        List<double[]> values = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) {
            String p = path + "[" + values.size() + "]";
            double[] pair = doubles(c, p);
            if (pair.length != 2) {
                throw c.error(p, "expected [lo, hi], got " + pair.length + " numbers");
            }
            values.add(pair);
        }
        return values.toArray(new double[0][]);
    }
}
