package dev.deteval.runtime.cli;

/**
 * DJL settings of the command line, applied as system properties before the engine starts: offline (no
 * downloads), graph optimiser off, quiet logs, and the engine's thread counts. A property given on the
 * {@code java} command line wins.
 */
final class EngineSettings {

    private EngineSettings() {
    }

    /** Offline, no graph optimiser, warnings-only logging; called before anything touches DJL or SLF4J. */
    static void applyDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "off");
    }

    /**
     * Sets the engine's intra-op and inter-op thread counts; must run before the first engine call.
     *
     * @param threads at least 1, or null for the default: 1, unless {@code -Dai.djl.pytorch.num_threads}
     *     says otherwise
     */
    static void threads(Integer threads) {
        if (threads == null) {
            setIfAbsent("ai.djl.pytorch.num_threads", "1");
            setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
            return;
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
