package dev.deteval.spark;

import java.nio.ByteBuffer;

/**
 * Primitive arrays as Spark {@code binary} values (big-endian, no header): the outcome rows travel
 * between stages as a few byte arrays instead of boxed Spark arrays.
 */
final class Packing {

    private Packing() {
    }

    static byte[] doubles(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length);
        b.asDoubleBuffer().put(v);
        return b.array();
    }

    static double[] doubles(byte[] bytes) {
        double[] v = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(v);
        return v;
    }

    static byte[] longs(long[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length);
        b.asLongBuffer().put(v);
        return b.array();
    }

    static long[] longs(byte[] bytes) {
        long[] v = new long[bytes.length / 8];
        ByteBuffer.wrap(bytes).asLongBuffer().get(v);
        return v;
    }

    static byte[] ints(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length);
        b.asIntBuffer().put(v);
        return b.array();
    }

    static int[] ints(byte[] bytes) {
        int[] v = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).asIntBuffer().get(v);
        return v;
    }
}
