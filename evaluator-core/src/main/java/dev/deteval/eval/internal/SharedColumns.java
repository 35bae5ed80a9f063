package dev.deteval.eval.internal;

import dev.deteval.eval.data.GroundTruth;
import java.lang.invoke.MethodHandles;
import java.util.Objects;

/**
 * Where the evaluators find the {@link ColumnAccess} of the data package, in the manner of the JDK's
 * "shared secrets": the data package registers its implementation when its value classes are initialised,
 * and code in other packages of this module asks for it here. This package is not API, so the arrays
 * stay out of reach of library users, while the hot paths read them without a copy per call.
 */
public final class SharedColumns {

    private static volatile ColumnAccess access;

    private SharedColumns() {
    }

    /**
     * Registers the data package's access; called once, from that package's class initialisation.
     *
     * @throws IllegalStateException when an access was already registered
     */
    public static void register(ColumnAccess columns) {
        Objects.requireNonNull(columns, "columns");
        synchronized (SharedColumns.class) {
            if (access != null) {
                throw new IllegalStateException("column access is already registered");
            }
            access = columns;
        }
    }

    /** The registered access; initialises the data classes first if nothing has used them yet. */
    public static ColumnAccess access() {
        ColumnAccess columns = access;
        if (columns == null) {
            try {
                MethodHandles.lookup().ensureInitialized(GroundTruth.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot initialise " + GroundTruth.class.getName(), e);
            }
            columns = access;
        }
        return columns;
    }
}
