package dev.deteval.eval.mask;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random small bitmaps for property tests, and plain pixel arithmetic to compare against. */
final class Masks {

    private Masks() {
    }

    /** A column-major bitmap with its size. */
    record Bitmap(int h, int w, boolean[] pixels) {

        boolean at(int y, int x) {
            return pixels[x * h + y];
        }

        long count() {
            long n = 0;
            for (boolean p : pixels) {
                n += p ? 1 : 0;
            }
            return n;
        }

        Rle rle() {
            return Rle.fromMask(pixels, h, w);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(h + "x" + w + "\n");
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    s.append(at(y, x) ? '#' : '.');
                }
                s.append('\n');
            }
            return s.toString();
        }
    }

    /**
     * Bitmaps up to 12x12 with a random fill density (0 to 100 %), so empty, full and sparse masks all occur.
     * jqwik's edge cases are switched off: their combinations alone would use up every try.
     */
    static Arbitrary<Bitmap> bitmaps() {
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 12))
                .flatAs((h, w) -> bitmaps(h, w)).withoutEdgeCases();
    }

    /** Pairs of bitmaps of one random size. */
    static Arbitrary<Bitmap[]> pairs() {
        return Combinators.combine(Arbitraries.integers().between(1, 10), Arbitraries.integers().between(1, 10))
                .flatAs((h, w) -> bitmaps(h, w).array(Bitmap[].class).ofSize(2)).withoutEdgeCases();
    }

    static Arbitrary<Bitmap> bitmaps(int h, int w) {
        return Arbitraries.integers().between(0, 100).flatMap(density -> Arbitraries.integers().between(0, 99)
                .map(r -> r < density).list().ofSize(h * w).map(list -> {
                    boolean[] pixels = new boolean[h * w];
                    for (int i = 0; i < pixels.length; i++) {
                        pixels[i] = list.get(i);
                    }
                    return new Bitmap(h, w, pixels);
                }));
    }
}
