package dev.deteval.spark;

import org.apache.spark.sql.SparkSession;

/** One Spark session on {@code local[2]} for every test class: no UI, loopback only, few partitions. */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("deteval-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /** Sets the number of shuffle partitions for the next evaluation. */
    static void shufflePartitions(int n) {
        get().conf().set("spark.sql.shuffle.partitions", Integer.toString(n));
    }
}
