package dev.deteval.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deteval.eval.coco.CocoResult;

/** Bit-for-bit comparison of two COCO results: every table entry, stat, per-category row and warning. */
final class Parity {

    private Parity() {
    }

    static void assertSameResult(CocoResult actual, CocoResult expected) {
        assertThat(actual.categoryIds()).isEqualTo(expected.categoryIds());
        assertThat(actual.tables().shape()).isEqualTo(expected.tables().shape());
        assertThat(actual.tables().precisionArray()).isEqualTo(expected.tables().precisionArray());
        assertThat(actual.tables().recallArray()).isEqualTo(expected.tables().recallArray());
        assertThat(actual.tables().scoresArray()).isEqualTo(expected.tables().scoresArray());
        assertThat(actual.summary().stats()).isEqualTo(expected.summary().stats());
        assertThat(actual.perCategory()).isEqualTo(expected.perCategory());
        assertThat(actual.warnings()).isEqualTo(expected.warnings());
    }
}
