package dev.deteval.eval.coco;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The custom metrics deteval knows by name: the two it ships ({@link TimeDecayAp} {@code APtime},
 * {@link SizeWeightedAp} {@code APsizeW}) and those {@link java.util.ServiceLoader} finds for
 * {@link CustomMetric}, loaded once. Names must be unique (in any case) and must not be a COCO, LVIS or VOC
 * metric name; a provider that breaks this makes every use fail with a message naming its class.
 */
public final class CustomMetrics {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,31}");

    private CustomMetrics() {
    }

    /** Loaded on first use; null until then (or while loading fails). */
    private static volatile List<CustomMetric> loaded;

    /**
     * The built-in and service-loaded metrics, loaded once.
     *
     * @throws IllegalArgumentException when a listed provider cannot be loaded or instantiated
     */
    private static List<CustomMetric> all() {
        List<CustomMetric> all = loaded;
        if (all == null) {
            try {
                all = load();
            } catch (ServiceConfigurationError e) {
                throw new IllegalArgumentException("custom metrics cannot be loaded: " + e.getMessage(), e);
            }
            loaded = all;
        }
        return all;
    }

    private static List<CustomMetric> load() {
        List<CustomMetric> all = new ArrayList<>(List.of(new TimeDecayAp(), new SizeWeightedAp()));
        for (CustomMetric m : ServiceLoader.load(CustomMetric.class, CustomMetric.class.getClassLoader())) {
            all.add(m);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != CustomMetric.class.getClassLoader()) {
            for (CustomMetric m : ServiceLoader.load(CustomMetric.class, context)) {
                if (all.stream().noneMatch(known -> known.getClass() == m.getClass())) {
                    all.add(m);
                }
            }
        }
        return List.copyOf(all);
    }

    /**
     * Every installed custom metric, built-in ones first.
     *
     * @throws IllegalArgumentException when an installed metric has an invalid or clashing name, or cannot be
     *     loaded
     */
    public static List<CustomMetric> installed() {
        List<CustomMetric> all = all();
        checkNames(all);
        return all;
    }

    /**
     * Checks that the names of {@code metrics} are valid and distinct and name no COCO, LVIS or VOC metric.
     *
     * @throws IllegalArgumentException naming the offending class otherwise
     */
    public static void checkNames(List<CustomMetric> metrics) {
        Map<String, CustomMetric> seen = new LinkedHashMap<>();
        for (CustomMetric m : metrics) {
            String name = m.name();
            String where = "custom metric " + m.getClass().getName();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": name '" + name + "' must be a letter followed by at most"
                        + " 31 letters or digits");
            }
            if (CocoMetric.canonical(name) != null || LvisMetric.canonical(name) != null
                    || name.equalsIgnoreCase("mAP")) {
                throw new IllegalArgumentException(where + ": name '" + name + "' is a built-in metric name");
            }
            CustomMetric before = seen.put(name.toLowerCase(Locale.ROOT), m);
            if (before != null) {
                throw new IllegalArgumentException(where + ": name '" + name + "' is taken by "
                        + before.getClass().getName());
            }
        }
    }

    /** The canonical spelling of an installed custom metric's name ({@code aptime} gives {@code APtime}), or null. */
    public static String canonical(String name) {
        String t = name == null ? "" : name.trim();
        for (CustomMetric m : all()) {
            if (m.name().equalsIgnoreCase(t)) {
                return m.name();
            }
        }
        return null;
    }

    /** The installed names, comma-separated, for messages. */
    public static String names() {
        return all().stream().map(CustomMetric::name).collect(Collectors.joining(", "));
    }

    /**
     * The installed metrics named {@code names}, in that order, each once.
     *
     * @throws IllegalArgumentException for a name no installed metric has, listing the installed ones
     */
    public static List<CustomMetric> named(List<String> names) {
        List<CustomMetric> all = installed();
        List<CustomMetric> out = new ArrayList<>();
        for (String name : names) {
            String t = name == null ? "" : name.trim();
            CustomMetric m = all.stream().filter(c -> c.name().equalsIgnoreCase(t)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown custom metric '" + name
                            + "'; installed: " + names()));
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The installed metric a specification names: {@code NAME} (any case), or {@code APtime:tau=T} for
     * {@link TimeDecayAp} with decay time {@code T} (the only option a shipped metric takes).
     *
     * @throws IllegalArgumentException for an unknown name, an option the metric does not take, or a bad value
     */
    public static CustomMetric parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        int colon = text.indexOf(':');
        CustomMetric metric = named(List.of(colon < 0 ? text : text.substring(0, colon))).get(0);
        if (colon < 0) {
            return metric;
        }
        String option = text.substring(colon + 1).trim();
        if (!(metric instanceof TimeDecayAp)) {
            throw new IllegalArgumentException("custom metric " + metric.name() + " takes no options, got '" + option
                    + "'");
        }
        if (!option.startsWith("tau=")) {
            throw new IllegalArgumentException(metric.name() + ": unknown option '" + option + "'; expected tau=T, the"
                    + " decay time in the results' time unit");
        }
        String value = option.substring(4).trim();
        try {
            return new TimeDecayAp(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(metric.name() + ": tau '" + value + "' is not a number");
        }
    }

    /**
     * The value of each metric on the evaluation itself (every image weight 1), by name in order.
     *
     * @throws IllegalArgumentException for invalid or clashing names (see {@link #checkNames}), or when the
     *     evaluation lacks what a metric needs
     */
    public static Map<String, Double> compute(OutcomeTable table, List<CustomMetric> metrics) {
        checkNames(metrics);
        MatchView view = MatchView.of(table);
        Map<String, Double> out = new LinkedHashMap<>();
        for (CustomMetric m : metrics) {
            out.put(m.name(), m.compute(view));
        }
        return out;
    }
}
