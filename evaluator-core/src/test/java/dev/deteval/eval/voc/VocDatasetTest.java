package dev.deteval.eval.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class VocDatasetTest {

    @Test
    void build_classesFromObjects_sortedByName() {
        VocDataset.Builder b = VocDataset.builder();
        int a = b.addImage("a");
        b.addObject(a, "dog", 1, 1, 2, 2, false).addObject(a, "cat", 1, 1, 2, 2, true);

        VocDataset gt = b.build();

        assertThat(gt.classes()).containsExactly("cat", "dog");
        assertThat(gt.classIndexColumn()).containsExactly(1, 0);
        assertThat(gt.difficultColumn()).containsExactly(false, true);
        assertThat(gt.boxColumn()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2);
    }

    @Test
    void build_fixedClasses_keepOrderEvenWithoutObjects() {
        VocDataset.Builder b = VocDataset.builder(List.of("zebra", "ant"));
        b.addImage("a");
        b.addImage("b");

        VocDataset gt = b.build();

        assertThat(gt.classes()).containsExactly("zebra", "ant");
        assertThat(gt.imageIndex("b")).isEqualTo(1);
        assertThat(gt.imageIndex("c")).isEqualTo(-1);
        assertThat(gt.classIndex("ant")).isEqualTo(1);
    }

    @Test
    void addObject_classOutsideFixedList_rejected() {
        VocDataset.Builder b = VocDataset.builder(List.of("cat"));
        int a = b.addImage("a");

        assertThat(b.acceptsClass("dog")).isFalse();
        assertThatThrownBy(() -> b.addObject(a, "dog", 1, 1, 2, 2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dog' is not among");
    }

    @Test
    void addObject_invertedBox_rejected() {
        VocDataset.Builder b = VocDataset.builder();
        int a = b.addImage("a");

        assertThatThrownBy(() -> b.addObject(a, "cat", 10, 1, 5, 2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xmin <= xmax");
    }

    @Test
    void addImage_twice_rejected() {
        VocDataset.Builder b = VocDataset.builder();
        b.addImage("a");

        assertThatThrownBy(() -> b.addImage("a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listed twice");
    }

    @Test
    void builder_repeatedClassName_rejected() {
        assertThatThrownBy(() -> VocDataset.builder(List.of("cat", "cat")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique");
    }

    @Test
    void detectionsAdd_unknownImageOrClass_rejected() {
        VocDataset.Builder b = VocDataset.builder(List.of("cat"));
        b.addImage("a");
        VocDetections.Builder dt = VocDetections.builder(b.build());

        assertThatThrownBy(() -> dt.add("x", "cat", 0.5, 1, 1, 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image 'x'");
        assertThatThrownBy(() -> dt.add("a", "dog", 0.5, 1, 1, 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class 'dog'");
        assertThatThrownBy(() -> dt.add("a", "cat", Double.NaN, 1, 1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score");
    }

    /** Writing into the arrays the accessors returned changed the next evaluation before they were copies. */
    @Test
    void datasetColumns_callerWritesIntoThem_laterEvaluationUnchanged() {
        VocDataset gt = VocDetectionsTest.oneObject();
        VocDetections dt = VocDetections.builder(gt).add("000001", "dog", 0.9, 10, 10, 50, 50).build();

        Arrays.fill(gt.boxColumn(), 0.0);
        Arrays.fill(gt.difficultColumn(), true);
        Arrays.fill(gt.imageIndexColumn(), 0);
        Arrays.fill(gt.classIndexColumn(), 0);

        assertThat(VocDetectionsTest.ap(gt, dt)).isCloseTo(1.0, within(1e-12));
        assertThat(gt.boxColumn()).containsExactly(10, 10, 50, 50);
        assertThat(gt.difficultColumn()).containsExactly(false);
    }
}
