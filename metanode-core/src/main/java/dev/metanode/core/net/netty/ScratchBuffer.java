package dev.metanode.core.net.netty;

/**
 * A reusable byte array for one channel direction, so that frames of everyday size allocate no
 * garbage. Frames larger than {@link #KEPT_BYTES_MAX} get a one-off array instead, so that a peer
 * sending huge frames cannot make every connection hold a huge buffer for good.
 */
final class ScratchBuffer {
    static final int KEPT_BYTES_MAX = 256 * 1024;

    private byte[] array = new byte[0];

    /** An array of at least {@code size} bytes; valid until the next call. */
    byte[] get(int size) {
        if (size > KEPT_BYTES_MAX) {
            return new byte[size];
        }
        if (array.length < size) {
            array = new byte[Math.min(KEPT_BYTES_MAX, Math.max(size, array.length * 2))];
        }
        return array;
    }
}
