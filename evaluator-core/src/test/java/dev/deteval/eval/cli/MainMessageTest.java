package dev.deteval.eval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which one line an exception that reaches the top of a command becomes. */
final class MainMessageTest {

    @Test
    void message_jdkClassThatCouldNotBeInitialised_isOutOfMemory() {
        // seen in CI with -Xmx24m: the heap ran out inside ForkJoinTask$Aux's static initialiser in a pool
        // thread, and the main thread then only saw this error
        String line = Main.message(new NoClassDefFoundError(
                "Could not initialize class java.util.concurrent.ForkJoinTask$Aux"));

        assertThat(line).startsWith("deteval: error: out of memory (while the JDK initialised "
                + "java.util.concurrent.ForkJoinTask$Aux)").contains("-Xmx");
    }

    @Test
    void message_ownClassThatCouldNotBeInitialised_isAnInternalError() {
        String line = Main.message(new NoClassDefFoundError("Could not initialize class dev.deteval.eval.cli.X"));

        assertThat(line).startsWith("deteval: error: internal error");
    }

    @Test
    void message_outOfMemoryAsCause_isOutOfMemory() {
        String line = Main.message(new IllegalStateException("pool failed", new OutOfMemoryError("Java heap space")));

        assertThat(line).startsWith("deteval: error: out of memory (Java heap space)");
    }
}
