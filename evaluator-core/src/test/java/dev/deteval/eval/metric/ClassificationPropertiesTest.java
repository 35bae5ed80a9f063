package dev.deteval.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Laws that hold for every confusion matrix, checked on generated labels. */
final class ClassificationPropertiesTest {

    private static final double TOLERANCE = 1e-12;

    /** Paired labels of {@code classes} classes; index i of both arrays is one sample. */
    record Sample(int classes, int[] truth, int[] predicted) {

        ConfusionMatrix matrix() {
            return ConfusionMatrix.of(truth, predicted, classes);
        }
    }

    /** Paired binary labels. */
    record BinarySample(boolean[] truth, boolean[] predicted) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.integers().between(1, 6).flatMap(k -> {
            Arbitrary<Integer> label = Arbitraries.integers().between(0, k - 1);
            // about half the predictions copy the truth, so that good and bad classifiers both occur
            Arbitrary<int[]> pair = Combinators.combine(label, label, Arbitraries.of(true, false))
                    .as((t, p, correct) -> new int[] {t, correct ? t : p});
            return pair.list().ofMaxSize(60).map(pairs -> toSample(k, pairs));
        });
    }

    @Provide
    Arbitrary<BinarySample> binarySamples() {
        Arbitrary<boolean[]> pair = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((t, p) -> new boolean[] {t, p});
        return pair.list().ofMaxSize(60).map(pairs -> {
            boolean[] truth = new boolean[pairs.size()];
            boolean[] predicted = new boolean[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                truth[i] = pairs.get(i)[0];
                predicted[i] = pairs.get(i)[1];
            }
            return new BinarySample(truth, predicted);
        });
    }

    @Property
    void micro_singleLabel_precisionRecallAndF1EqualAccuracy(@ForAll("samples") Sample s) {
        ConfusionMatrix m = s.matrix();

        assertThat(m.precision(Averaging.MICRO)).isEqualTo(m.accuracy());
        assertThat(m.recall(Averaging.MICRO)).isEqualTo(m.accuracy());
        assertThat(m.f1(Averaging.MICRO)).isEqualTo(m.accuracy());
    }

    @Property
    void weightedRecall_anySample_equalsAccuracy(@ForAll("samples") Sample s) {
        ConfusionMatrix m = s.matrix();

        assertThat(m.recall(Averaging.WEIGHTED)).isCloseTo(m.accuracy(), within(TOLERANCE));
    }

    @Property
    void counts_anySample_sumToSampleCount(@ForAll("samples") Sample s) {
        ConfusionMatrix m = s.matrix();
        int n = s.truth().length;
        long support = 0;
        long predicted = 0;
        for (int c = 0; c < m.classes(); c++) {
            assertThat(m.counts(c).total()).isEqualTo(n);
            support += m.support(c);
            predicted += m.predictedCount(c);
        }

        assertThat(m.total()).isEqualTo(n);
        assertThat(support).isEqualTo(n);
        assertThat(predicted).isEqualTo(n);
        assertThat(m.pooledCounts().total()).isEqualTo((long) m.classes() * n);
    }

    @Property
    void fBeta_precisionPlusRecallPositive_liesBetweenPrecisionAndRecall(@ForAll("samples") Sample s,
            @ForAll @DoubleRange(min = 0, max = 10) double beta) {
        ConfusionMatrix m = s.matrix();
        for (int c = 0; c < m.classes(); c++) {
            BinaryCounts b = m.counts(c);
            double p = b.precision();
            double r = b.recall();
            if (p + r > 0) {
                assertThat(b.fBeta(beta)).isBetween(Math.min(p, r) - TOLERANCE, Math.max(p, r) + TOLERANCE);
            } else {
                assertThat(b.fBeta(beta)).isEqualTo(0.0);
            }
        }
    }

    @Property
    void fBeta_anyCounts_equalsWeightedHarmonicMean(@ForAll("samples") Sample s,
            @ForAll @DoubleRange(min = 0, max = 10) double beta) {
        ConfusionMatrix m = s.matrix();
        for (int c = 0; c < m.classes(); c++) {
            BinaryCounts b = m.counts(c);
            double p = b.precision();
            double r = b.recall();
            double b2 = beta * beta;
            // p + r > 0 means tp > 0, so both are positive and the denominator is too
            double expected = p + r > 0 ? (1 + b2) * p * r / (b2 * p + r) : 0;
            assertThat(b.fBeta(beta)).isCloseTo(expected, within(TOLERANCE));
            assertThat(b.fBeta(1)).isEqualTo(b.f1());
        }
    }

    @Property
    void matrix_samplesPermuted_unchanged(@ForAll("samples") Sample s, @ForAll long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.truth().length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] truth = new int[order.size()];
        int[] predicted = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            truth[i] = s.truth()[order.get(i)];
            predicted[i] = s.predicted()[order.get(i)];
        }
        ConfusionMatrix shuffled = ConfusionMatrix.of(truth, predicted, s.classes());

        assertThat(shuffled).isEqualTo(s.matrix());
        for (Averaging a : Averaging.values()) {
            assertThat(shuffled.f1(a)).isEqualTo(s.matrix().f1(a));
        }
    }

    @Property
    void ofBinary_anyLabels_equalsTwoClassMatrix(@ForAll("binarySamples") BinarySample s) {
        int[] truth = toInts(s.truth());
        int[] predicted = toInts(s.predicted());
        ConfusionMatrix binary = ConfusionMatrix.ofBinary(s.truth(), s.predicted());
        BinaryCounts positive = BinaryCounts.of(s.truth(), s.predicted());

        assertThat(binary).isEqualTo(ConfusionMatrix.of(truth, predicted, 2));
        assertThat(binary.counts(1)).isEqualTo(positive);
        assertThat(binary.counts(0))
                .isEqualTo(new BinaryCounts(positive.tn(), positive.fn(), positive.fp(), positive.tp()));
        assertThat(binary.accuracy()).isEqualTo(positive.accuracy());
    }

    @Property
    void plus_splitSample_equalsWholeMatrix(@ForAll("samples") Sample s, @ForAll @IntRange(max = 60) int at) {
        int n = s.truth().length;
        int cut = Math.min(at, n);
        ConfusionMatrix head = ConfusionMatrix.of(Arrays.copyOfRange(s.truth(), 0, cut),
                Arrays.copyOfRange(s.predicted(), 0, cut), s.classes());
        ConfusionMatrix tail = ConfusionMatrix.of(Arrays.copyOfRange(s.truth(), cut, n),
                Arrays.copyOfRange(s.predicted(), cut, n), s.classes());

        assertThat(head.plus(tail)).isEqualTo(s.matrix());
    }

    @Property
    void ratios_anySample_withinUnitInterval(@ForAll("samples") Sample s) {
        ConfusionMatrix m = s.matrix();
        assertThat(m.accuracy()).isBetween(0.0, 1.0);
        for (Averaging a : Averaging.values()) {
            for (double v : new double[] {m.precision(a), m.recall(a), m.specificity(a), m.f1(a), m.fBeta(2, a)}) {
                assertThat(v).as("%s", a).isBetween(0.0, 1.0 + TOLERANCE);
            }
        }
    }

    private static Sample toSample(int classes, List<int[]> pairs) {
        int[] truth = new int[pairs.size()];
        int[] predicted = new int[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            truth[i] = pairs.get(i)[0];
            predicted[i] = pairs.get(i)[1];
        }
        return new Sample(classes, truth, predicted);
    }

    private static int[] toInts(boolean[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] ? 1 : 0;
        }
        return out;
    }
}
