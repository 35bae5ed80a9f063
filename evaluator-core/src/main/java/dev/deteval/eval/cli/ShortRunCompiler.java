package dev.deteval.eval.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) out of {@code eval} runs whose input files are small, so that
 * their hot code runs as C1's compiled code from the start instead of waiting for, and competing with, C2.
 *
 * <p>Why: an evaluation of COCO's size (5,000 images) is a process of one to three seconds on two cores,
 * and in such a process C2 spends more CPU compiling than its faster code gives back: with C2 out, the
 * whole process takes 20–40 % less CPU and 9–27 % less wall time for boxes, masks and keypoints at
 * 2,000 and 5,000 images. At 20,000 images of boxes (173 MB of JSON) both take the same wall time and at
 * 60,000 C2's code wins by about a sixth, so the limit is {@value #LIMIT_BYTES} bytes of input. The
 * measurements and commands are in {@code docs/benchmarks.md} ("Short runs without C2").
 *
 * <p>How: a daemon thread adds a compiler directive ({@code [{match: "*.*", c2: {Exclude: true}}]}, after an
 * exception for the RLE decoder's loop, {@link #DIRECTIVE}), as
 * {@code jcmd PID Compiler.directives_add} would; methods that C2 would have compiled are then compiled by C1
 * without profiling. The directive is handed to the JDK's diagnostic-command bean directly when the jar's
 * manifest opens its package ({@code Add-Opens: jdk.management/com.sun.management.internal}, which
 * {@code java -jar} honours): about 20 ms, so C2 is out before the input files are opened. Otherwise (another
 * launch, another JDK, a failure of any kind) it goes through the platform MBean server, the public route,
 * which first registers every platform MBean: about 0.1 s of CPU on the second core, and C2 compiles
 * meanwhile. It only changes which machine
 * code runs, never what it computes: Java's floating-point arithmetic is the same in the interpreter, C1
 * and C2, so the reports are byte for byte the same (tested).
 *
 * <p>It applies to {@code eval} when every input named by {@code --gt} and {@code --dt} is a regular
 * {@code .json} file, together at most {@value #LIMIT_BYTES} bytes, and no bootstrap is asked for
 * ({@code --ci}, {@code --resamples}, {@code --baseline-dt}: those runs repeat their hot loops many times).
 * Pipes, folders and other formats keep the JVM's default. {@code -Ddeteval.jit=full} (or
 * {@code DETEVAL_JIT=full}) keeps C2 in every case. {@code -Ddeteval.jit=c1} says the JVM was started
 * without C2 already ({@code -XX:TieredStopAtLevel=1}, as the launcher script starts short runs): there is
 * nothing to keep out, so no directive is added and the thread that adds it (and the management classes it
 * loads, about 25 ms of CPU) is not started. When the MBean is missing (another JVM) nothing happens.
 */
final class ShortRunCompiler {

    /** Inputs up to this many bytes (ground truth and results together) run without C2. */
    static final long LIMIT_BYTES = 150_000_000L;

    /**
     * C2 for the one loop over every character of a mask results file (tens of millions: the decoder's),
     * where C2's code saves more than its compiling costs (0.07 s at 5,000 mask images); C1 for the rest.
     * The first directive that matches a method applies.
     */
    private static final String DIRECTIVE = "[{ match: \"dev/deteval/eval/mask/RleDecoder.decode\", c2: { Exclude: false } },"
            + " { match: \"*.*\", c2: { Exclude: true } }]";
    private static final Set<String> INPUTS = Set.of("--gt", "--dt");
    private static final Set<String> REPEATING = Set.of("--ci", "--resamples", "--baseline-dt");

    private ShortRunCompiler() {
    }

    /**
     * Whether the run that {@code args} ask for should leave C2 out.
     *
     * @param setting the value of {@code deteval.jit} / {@code DETEVAL_JIT}, or null; {@code full} and
     *     {@code c1} (any case) make it false
     */
    static boolean applies(String[] args, String setting) {
        if (setting != null && Set.of("full", "c1").contains(setting.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (args.length == 0 || !args[0].equals("eval")) {
            return false;
        }
        long total = 0;
        int inputs = 0;
        for (RawOptions.Option option : RawOptions.of(args, INPUTS)) {
            if (REPEATING.contains(option.name())) {
                return false;
            }
            if (!INPUTS.contains(option.name())) {
                continue;
            }
            long size = jsonFileSize(option.value());
            if (size < 0) {
                return false;
            }
            total += size;
            inputs++;
        }
        return inputs == 2 && total <= LIMIT_BYTES;
    }

    /** The size of a regular {@code .json} file, or -1 for anything else. */
    private static long jsonFileSize(String value) {
        if (value == null || !value.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return -1;
        }
        try {
            Path path = Path.of(value);
            return Files.isRegularFile(path) ? Files.size(path) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Starts the daemon thread that adds the directive when {@link #applies} says so. */
    static void startFor(String[] args) {
        String setting = System.getProperty("deteval.jit", System.getenv("DETEVAL_JIT"));
        if (!applies(args, setting)) {
            return;
        }
        Thread thread = new Thread(ShortRunCompiler::addDirective, "deteval-compiler-choice");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Adds the directive, directly where the package is open, else through the MBean server; returns whether
     * the JVM took it. Any failure leaves the JVM as it was: this is tuning, never a reason to stop.
     */
    static boolean addDirective() {
        Path file = null;
        try {
            file = Files.createTempFile("deteval-jit", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, DIRECTIVE, StandardCharsets.US_ASCII);
            return addDirectly(file) || addThroughServer(file);
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a leftover file in the temporary folder is harmless
                }
            }
        }
    }

    /**
     * Hands {@code Compiler.directives_add FILE} to the JDK's diagnostic-command bean without the MBean
     * server: loads the provider class that loads the bean's native library, then calls the bean's command
     * method. Returns false, leaving the JVM as it was, when the package is not open to this code (launched
     * otherwise than {@code java -jar}), the JDK's internals differ, or the command reports an error.
     */
    static boolean addDirectly(Path file) {
        try {
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
            Class<?> impl = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
            Method bean = impl.getDeclaredMethod("getDiagnosticCommandMBean");
            bean.setAccessible(true);
            Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
            execute.setAccessible(true);
            return took(execute.invoke(bean.invoke(null), "Compiler.directives_add " + file));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The public route: the {@code DiagnosticCommand} MBean of the platform MBean server. */
    static boolean addThroughServer(Path file) {
        try {
            return took(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()}));
        } catch (JMException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Whether a diagnostic command's answer says it was carried out. */
    private static boolean took(Object answer) {
        return answer == null || !String.valueOf(answer).toLowerCase(Locale.ROOT).contains("error");
    }
}
