package dev.deteval.eval.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of the segm evaluation against the plain steps they replace, on random inputs, with exact
 * (bit-for-bit) equality: {@link MaskIou#iouRows} against {@link MaskIou#iou}, the cached box
 * ({@link RunBox#of}) against the C loop ({@link RunBox#unsigned}), the polygon scan that visits only
 * keepable steps against the point-by-point walk, and {@link RleDecoder} on a slice of a buffer (whose masks
 * keep the string's bytes and unpack them) against {@link RleStrings#decode} and the mask encoded.
 */
class FastPathEqualityTest {

    private static final int CASES = 3000;

    @Test
    void iouRows_randomMasks_equalPlainIouBitForBit() {
        Random random = new Random(20);
        for (int c = 0; c < CASES; c++) {
            int h = 1 + random.nextInt(12);
            int w = 1 + random.nextInt(12);
            Rle[] dt = new Rle[1 + random.nextInt(4)];
            Rle[] gt = new Rle[1 + random.nextInt(4)];
            for (int i = 0; i < dt.length; i++) {
                dt[i] = randomMask(random, h, w);
            }
            for (int i = 0; i < gt.length; i++) {
                // now and then another image size: both paths give -1 where the boxes overlap
                gt[i] = random.nextInt(10) == 0 ? randomMask(random, h + 1, w) : randomMask(random, h, w);
            }
            boolean[] crowd = new boolean[gt.length];
            for (int i = 0; i < crowd.length; i++) {
                crowd[i] = random.nextInt(3) == 0;
            }
            assertSameIous(dt, gt, crowd);
        }
    }

    @Test
    void iouRows_emptyFullAndDisjointMasks_equalPlainIouBitForBit() {
        int h = 6;
        int w = 5;
        Rle empty = Rle.of(h, w, new int[] {30});
        Rle emptyWithOneRun = Rle.of(h, w, new int[] {30, 0});
        Rle full = Rle.of(h, w, new int[] {0, 30});
        Rle left = Rle.of(h, w, new int[] {0, 6, 24});
        Rle right = Rle.of(h, w, new int[] {24, 6});
        Rle wrapped = Rle.of(h, w, new int[] {0, 0, 3, 4, 23});
        Rle[] all = {empty, emptyWithOneRun, full, left, right, wrapped};
        assertSameIous(all, all, new boolean[] {false, true, false, true, false, true});
        assertSameIous(all, all, new boolean[all.length]);
    }

    private static void assertSameIous(Rle[] dt, Rle[] gt, boolean[] crowd) {
        double[] plain = new double[dt.length * gt.length];
        MaskIou.iou(dt, gt, crowd, plain);
        int[] dtRows = new int[dt.length];
        for (int i = 0; i < dtRows.length; i++) {
            dtRows[i] = dt.length - 1 - i; // reversed, to see that rows are honoured
        }
        int[] gtRows = new int[gt.length + 2];
        for (int i = 0; i < gt.length; i++) {
            gtRows[i + 2] = i;
        }
        double[] fast = new double[plain.length];
        MaskIou.iouRows(dt, dtRows, dt.length, gt, gtRows, 2, gt.length, crowd, fast);
        for (int d = 0; d < dt.length; d++) {
            for (int g = 0; g < gt.length; g++) {
                double expected = plain[dtRows[d] * gt.length + g];
                assertThat(Double.doubleToRawLongBits(fast[d * gt.length + g]))
                        .as("dt %s, gt %s, crowd %s", dt[dtRows[d]], gt[g], crowd[g])
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @Test
    void runBox_randomRunsWithEmptyRuns_equalsUnsignedLoop() {
        Random random = new Random(21);
        for (int c = 0; c < CASES; c++) {
            int h = random.nextInt(9);
            int w = random.nextInt(9);
            int[] runs = randomRuns(random, h * w, true);
            assertThat(RunBox.of(runs, h, w)).as("runs %s, h %d, w %d", java.util.Arrays.toString(runs), h, w)
                    .containsExactly(RunBox.unsigned(runs, h, w));
        }
    }

    @Test
    void polygonScan_randomPolygons_equalsPointByPointWalk() {
        Random random = new Random(22);
        for (int c = 0; c < CASES; c++) {
            int h = 1 + random.nextInt(60);
            int w = 1 + random.nextInt(60);
            int points = 3 + random.nextInt(12);
            double[] xy = new double[2 * points];
            double spread = random.nextBoolean() ? 1.5 : 40;
            for (int i = 0; i < xy.length; i++) {
                double centre = i % 2 == 0 ? w / 2.0 : h / 2.0;
                double v = centre + (random.nextDouble() - .5) * 2 * spread * (i % 2 == 0 ? w : h) / 2;
                // whole, half and tenth coordinates as well as arbitrary ones; repeated vertices now and then
                xy[i] = switch (random.nextInt(5)) {
                    case 0 -> Math.rint(v);
                    case 1 -> Math.rint(2 * v) / 2;
                    case 2 -> Math.rint(10 * v) / 10;
                    case 3 -> i >= 2 ? xy[i - 2] : v;
                    default -> v;
                };
            }
            assertThat(PolygonScan.runs(xy, h, w)).as("polygon %s in %dx%d", java.util.Arrays.toString(xy), h, w)
                    .containsExactly(PolygonScan.runsEachPoint(xy, h, w));
        }
    }

    @Test
    void polygonScan_longSteepAndFlatEdges_equalsPointByPointWalk() {
        List<double[]> polygons = new ArrayList<>();
        polygons.add(new double[] {-30.2, -7.9, 700.4, 3.1, 690.6, 520.8, 3.3, 480.2});
        polygons.add(new double[] {10, 10, 12.6, 470, 14.1, 10.4});
        polygons.add(new double[] {0, 0, 639.9, 0.2, 639.8, 479.9, 0.1, 479.6, 320, 240});
        polygons.add(new double[] {100, -50, 101.3, 900, 99.7, 900});
        for (double[] xy : polygons) {
            assertThat(PolygonScan.runs(xy, 480, 640)).containsExactly(PolygonScan.runsEachPoint(xy, 480, 640));
        }
    }

    @Test
    void decoder_sliceOfBuffer_equalsDecodeOfString() {
        Random random = new Random(23);
        RleDecoder decoder = new RleDecoder();
        for (int c = 0; c < CASES; c++) {
            int h = 1 + random.nextInt(30);
            int w = 1 + random.nextInt(30);
            Rle mask = Rle.of(h, w, randomRuns(random, h * w, random.nextBoolean()));
            String counts = RleStrings.encode(mask);
            char[] buffer = ("xy" + counts + "zz").toCharArray();
            Rle decoded = decoder.decode(buffer, 2, counts.length(), h, w);
            assertThat(decoded).isEqualTo(RleStrings.decode(counts, h, w)).isEqualTo(mask).hasSameHashCodeAs(mask);
            assertThat(decoded.counts()).containsExactly(mask.counts());
            assertThat(decoded.toMask()).containsExactly(mask.toMask());
            assertThat(decoded).hasToString(mask.toString());
            assertThat(decoded.bbox()).containsExactly(RunBox.unsigned(mask.counts(), h, w));
            assertThat(decoded.area()).isEqualTo(sumOfOddRuns(mask.counts()));
        }
    }

    @Test
    void sharedDecoder_manyMasksAcrossItsArrays_sameMasksAsOwnArrays() {
        Random random = new Random(31);
        RleDecoder shared = RleDecoder.shared();
        RleDecoder own = new RleDecoder();
        List<Rle> kept = new ArrayList<>();
        List<Rle> expected = new ArrayList<>();
        long characters = 0;
        // more characters than the first arrays hold (64 KiB, then 128 KiB, ...), with a malformed string now
        // and then whose bytes the next mask overwrites
        while (characters < 3 * 64 * 1024) {
            int h = 1 + random.nextInt(60);
            int w = 1 + random.nextInt(60);
            Rle mask = Rle.of(h, w, randomRuns(random, h * w, random.nextBoolean()));
            String counts = RleStrings.encode(mask);
            char[] buffer = ("{" + counts + "}").toCharArray();
            if (random.nextInt(10) == 0) {
                char[] bad = ("{" + counts + "!}").toCharArray();
                assertThatThrownBy(() -> shared.decode(bad, 1, counts.length() + 1, h, w))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            kept.add(shared.decode(buffer, 1, counts.length(), h, w));
            expected.add(own.decode(buffer, 1, counts.length(), h, w));
            characters += counts.length();
        }
        for (int i = 0; i < kept.size(); i++) {
            assertThat(kept.get(i).counts()).as("mask %d", i).containsExactly(expected.get(i).counts());
            assertThat(kept.get(i).area()).isEqualTo(expected.get(i).area());
        }
    }

    @Test
    void decoder_randomStrings_acceptsExactlyWhatReferenceDecodes() {
        Random random = new Random(29);
        RleDecoder decoder = new RleDecoder();
        int failures = 0;
        for (int c = 0; c < CASES * 4; c++) {
            int h = random.nextInt(6);
            int w = random.nextInt(6);
            StringBuilder counts = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                // mostly valid characters ('0'..'o'), sometimes one just outside either end
                counts.append((char) (random.nextInt(10) == 0 ? (random.nextBoolean() ? '/' : 'p')
                        : '0' + random.nextInt(64)));
            }
            String string = counts.toString();
            char[] buffer = ("[" + string + "]").toCharArray();
            int[] expected = referenceRuns(string, h, w);
            if (expected != null) {
                assertThat(decoder.decode(buffer, 1, string.length(), h, w).counts()).as(string)
                        .containsExactly(expected);
            } else {
                failures++;
                assertThatThrownBy(() -> decoder.decode(buffer, 1, string.length(), h, w)).as(string)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(failures).as("malformed cases tried").isGreaterThan(CASES);
    }

    /**
     * maskApi's {@code rleFrString} loop as written (a 64-bit value ORed from 32-bit shifted groups, the
     * previous-but-one run added from the third on), with the checks the decoder makes: characters
     * {@code '0'..'o'}, no value cut off by the string's end, runs within {@code 0..h*w}, summing to
     * {@code h*w}; null when any fails. The plain reference for {@link RleDecoder}'s one-pass loop.
     */
    private static int[] referenceRuns(String s, int h, int w) {
        long pixels = (long) h * w;
        List<Long> runs = new ArrayList<>();
        int p = 0;
        long sum = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= s.length()) {
                    return null;
                }
                int c = s.charAt(p) - 48;
                if (c < 0 || c > 63) {
                    return null;
                }
                x |= (c & 0x1f) << 5 * k;
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1 << 5 * k;
                }
            }
            if (runs.size() > 2) {
                x += runs.get(runs.size() - 2);
            }
            if (x < 0 || x > pixels) {
                return null;
            }
            runs.add(x);
            sum += x;
        }
        return sum == pixels ? runs.stream().mapToInt(Long::intValue).toArray() : null;
    }

    private static long sumOfOddRuns(int[] runs) {
        long area = 0;
        for (int i = 1; i < runs.length; i += 2) {
            area += runs[i];
        }
        return area;
    }

    /**
     * A mask of h x w: sometimes empty or full, sometimes one blob, else random runs (with empty ones); half
     * of them in the packed form decoded masks keep.
     */
    private static Rle randomMask(Random random, int h, int w) {
        Rle mask = randomIntMask(random, h, w);
        if (random.nextBoolean()) {
            char[] counts = RleStrings.encode(mask).toCharArray();
            return new RleDecoder().decode(counts, 0, counts.length, h, w);
        }
        return mask;
    }

    private static Rle randomIntMask(Random random, int h, int w) {
        int pixels = h * w;
        return switch (random.nextInt(8)) {
            case 0 -> Rle.of(h, w, new int[] {pixels});
            case 1 -> Rle.of(h, w, new int[] {0, pixels});
            case 2 -> {
                boolean[] bits = new boolean[pixels];
                int x0 = random.nextInt(w);
                int y0 = random.nextInt(h);
                int x1 = x0 + random.nextInt(w - x0);
                int y1 = y0 + random.nextInt(h - y0);
                for (int x = x0; x <= x1; x++) {
                    for (int y = y0; y <= y1; y++) {
                        bits[x * h + y] = true;
                    }
                }
                yield Rle.fromMask(bits, h, w);
            }
            default -> Rle.of(h, w, randomRuns(random, pixels, random.nextInt(4) == 0));
        };
    }

    /** Runs summing to {@code pixels}; with {@code emptyRuns}, some runs after the first are 0. */
    private static int[] randomRuns(Random random, int pixels, boolean emptyRuns) {
        List<Integer> runs = new ArrayList<>();
        int left = pixels;
        runs.add(random.nextInt(3) == 0 ? 0 : random.nextInt(left + 1));
        left -= runs.get(0);
        while (left > 0 || (emptyRuns && random.nextInt(4) == 0 && runs.size() < 6)) {
            int run = emptyRuns && random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(Math.max(1, Math.min(left, 9)));
            run = Math.min(run, left);
            runs.add(run);
            left -= run;
        }
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }
}
