package dev.deteval.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DetectorSpecTest {

    @TempDir
    Path dir;

    @Test
    void read_afterWrite_sameSpec() throws IOException {
        DetectorSpec spec = new DetectorSpec(4, 64, 64, 48);
        spec.write(dir, Map.of("step", "100"));
        assertThat(DetectorSpec.read(dir)).isEqualTo(spec);
        assertThat(Files.readString(dir.resolve(DetectorSpec.FILE))).contains("step=100");
    }

    @Test
    void read_noFile_oneLineMessage() {
        assertThatThrownBy(() -> DetectorSpec.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no detector model in " + dir + " (detector.properties is missing)");
    }

    @Test
    void read_badNumber_namesTheKey() throws IOException {
        Files.writeString(dir.resolve(DetectorSpec.FILE), "classes=4\nwidth=wide\nimageWidth=64\nimageHeight=64\n");
        assertThatThrownBy(() -> DetectorSpec.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve(DetectorSpec.FILE) + ": 'width' must be an integer, got wide");
    }

    @Test
    void layout_sizeNotMultipleOfStride_rejected() {
        assertThatThrownBy(() -> new DetectorSpec(4, 64, 62, 64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image size 62 x 64 is not a multiple of the stride 4");
    }
}
