package dev.deteval.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

final class EngineSmokeIT {

    @Test
    void testJvm_rootPomSettings_oneThreadOfflineQuiet() {
        // the root pom's djl.test.argLine and OMP variables reach every forked test JVM
        assertThat(System.getProperty("ai.djl.pytorch.num_threads")).isEqualTo("1");
        assertThat(System.getProperty("ai.djl.pytorch.num_interop_threads")).isEqualTo("1");
        assertThat(System.getProperty("ai.djl.pytorch.graph_optimizer")).isEqualTo("false");
        assertThat(System.getenv("OMP_NUM_THREADS")).isEqualTo("1");
    }

    @Test
    void engine_offlineCpu_isPyTorchAndComputes() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1f, 2f, 3f});
            // exact: small integers are exact in float32 in any summation order
            assertThat(x.mul(x).sum().getFloat()).isEqualTo(1f + 4f + 9f);
        }
    }
}
