package dev.deteval.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EngineSmokeIT {

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
