package dev.deteval.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PatienceTest {

    @Test
    void offer_risingScores_everyOneImprovesAndNoStop() {
        Patience p = new Patience(1);
        assertThat(p.offer(0.1)).isTrue();
        assertThat(p.offer(0.2)).isTrue();
        assertThat(p.stopRequested()).isFalse();
    }

    @Test
    void offer_tieThenDrop_stopsAfterPatienceOffers() {
        Patience p = new Patience(2);
        p.offer(0.5);
        assertThat(p.offer(0.5)).isFalse();
        assertThat(p.stopRequested()).isFalse();
        assertThat(p.offer(0.4)).isFalse();
        assertThat(p.stopRequested()).isTrue();
    }

    @Test
    void offer_improvementAfterStall_resetsTheCount() {
        Patience p = new Patience(2);
        p.offer(0.5);
        p.offer(0.4);
        p.offer(0.6);
        p.offer(0.55);
        assertThat(p.stopRequested()).isFalse();
    }

    @Test
    void stopRequested_patienceZero_never() {
        Patience p = new Patience(0);
        p.offer(0.5);
        for (int i = 0; i < 10; i++) {
            p.offer(0.1);
        }
        assertThat(p.stopRequested()).isFalse();
    }
}
