package dev.deteval.eval.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The parts of an Ultralytics dataset YAML file that evaluation needs: the dataset root ({@code path}),
 * the image sources of one split ({@code train}, {@code val} or {@code test}) and the class names
 * ({@code names} as a list or as a map from class index to name, or {@code nc} alone).
 *
 * <p>The file is parsed with SnakeYAML into a node tree (no Java objects are constructed from tags), so
 * every error names the line and column of the offending node.
 *
 * @param root the dataset root: {@code path} resolved against the YAML file's folder, or that folder
 * @param sources the split's image sources (folders, list files or image files), resolved against the root
 * @param names the class names, index {@code k} for class {@code k}
 */
record YoloYaml(Path root, List<Source> sources, List<String> names) {

    /**
     * One image source of the split, as written in the YAML file.
     *
     * @param path the resolved path
     * @param location where in the YAML file it was written (for messages)
     */
    record Source(Path path, String location) {
    }

    /** Reads {@code file} and picks {@code split}. */
    static YoloYaml read(Path file, String split) {
        String source = file.toString();
        Node top = compose(file);
        if (!(top instanceof MappingNode map)) {
            throw new InputException(source, top == null ? "" : where(top), "expected a mapping with path, "
                    + split + " and names (an Ultralytics dataset YAML)");
        }
        Node pathNode = null;
        Node splitNode = null;
        Node namesNode = null;
        Node ncNode = null;
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(source, t.getKeyNode(), "a key");
            if (!seen.add(key)) {
                throw new InputException(source, where(t.getKeyNode()), "key '" + key + "' appears twice");
            }
            if (key.equals("path")) {
                pathNode = t.getValueNode();
            } else if (key.equals(split)) {
                splitNode = t.getValueNode();
            } else if (key.equals("names")) {
                namesNode = t.getValueNode();
            } else if (key.equals("nc")) {
                ncNode = t.getValueNode();
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        Path root = pathNode == null || isNull(pathNode) ? folder
                : folder.resolve(scalar(source, pathNode, "a folder")).normalize();
        if (splitNode == null || isNull(splitNode)) {
            throw new InputException(source, "", "has no '" + split + "' entry (the images of the split to evaluate)");
        }
        List<Source> sources = new ArrayList<>();
        if (splitNode instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                sources.add(new Source(root.resolve(scalar(source, n, "a path")).normalize(), where(n)));
            }
            if (sources.isEmpty()) {
                throw new InputException(source, where(splitNode), "'" + split + "' is an empty list");
            }
        } else {
            sources.add(new Source(root.resolve(scalar(source, splitNode, "a path or a list of paths")).normalize(),
                    where(splitNode)));
        }
        return new YoloYaml(root, List.copyOf(sources), names(source, namesNode, ncNode));
    }

    private static Node compose(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(options)).compose(in);
        } catch (IOException e) {
            throw InputFiles.unreadable(file, e);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new InputException(file.toString(), m == null ? "" : where(m), "malformed YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new InputException(file.toString(), "", "malformed YAML: " + e.getMessage(), e);
        }
    }

    private static List<String> names(String source, Node namesNode, Node ncNode) {
        Integer nc = null;
        if (ncNode != null && !isNull(ncNode)) {
            nc = integer(source, ncNode, "nc");
            if (nc < 1) {
                throw new InputException(source, where(ncNode), "nc must be at least 1, got " + nc);
            }
        }
        List<String> names = new ArrayList<>();
        if (namesNode == null || isNull(namesNode)) {
            if (nc == null) {
                throw new InputException(source, "", "has neither 'names' nor 'nc' (the classes)");
            }
            for (int k = 0; k < nc; k++) {
                names.add("class_" + k); // Ultralytics' names when only nc is given
            }
            return names;
        }
        if (namesNode instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                names.add(scalar(source, n, "a class name"));
            }
        } else if (namesNode instanceof MappingNode map) {
            TreeMap<Integer, String> byIndex = new TreeMap<>();
            for (NodeTuple t : map.getValue()) {
                int k = integer(source, t.getKeyNode(), "a class index");
                if (byIndex.put(k, scalar(source, t.getValueNode(), "a class name")) != null) {
                    throw new InputException(source, where(t.getKeyNode()), "class index " + k + " appears twice");
                }
            }
            int expected = 0;
            for (var e : byIndex.entrySet()) {
                if (e.getKey() != expected) {
                    throw new InputException(source, where(namesNode), "class indices must be 0.." + (byIndex.size() - 1)
                            + " without gaps, but " + expected + " is missing");
                }
                names.add(e.getValue());
                expected++;
            }
        } else {
            throw new InputException(source, where(namesNode), "names must be a list or a map from class index to name");
        }
        if (names.isEmpty()) {
            throw new InputException(source, where(namesNode), "names is empty");
        }
        if (nc != null && nc != names.size()) {
            throw new InputException(source, where(ncNode), "nc is " + nc + ", but names has " + names.size()
                    + " entries");
        }
        return names;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }

    private static String scalar(String source, Node n, String what) {
        if (!(n instanceof ScalarNode s) || isNull(n)) {
            throw new InputException(source, where(n), "expected " + what + ", got " + kind(n));
        }
        return s.getValue();
    }

    private static int integer(String source, Node n, String what) {
        String text = scalar(source, n, what).trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InputException(source, where(n), "expected " + what + " (a whole number), got '" + text + "'");
        }
    }

    private static String kind(Node n) {
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        return "nothing";
    }

    private static String where(Node n) {
        return where(n.getStartMark());
    }

    private static String where(Mark m) {
        return "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
    }
}
