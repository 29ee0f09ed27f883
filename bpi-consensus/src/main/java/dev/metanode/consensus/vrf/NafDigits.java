package dev.metanode.consensus.vrf;

/**
 * Width-w non-adjacent forms of scalars below 2^256, written as signed bytes: k = sum of
 * digit[pos] * 2^pos where every non-zero digit is odd, |digit| &lt; 2^(w-1), and any w consecutive
 * positions hold at most one non-zero digit, so a sum needs one addition per w + 1 bits on average
 * and a table of 2^(w-2) odd multiples. Variable time: public scalars only.
 */
final class NafDigits {
    /** The widest window used (the base point's table): digits up to +-127 fit a byte. */
    static final int MAX_WIDTH = 8;
    /** Digit positions: scalars are below 2^256, and a last carry may land up to MAX_WIDTH positions above. */
    static final int POSITIONS = 256 + MAX_WIDTH;

    private NafDigits() {}

    /**
     * Writes the non-zero digits of {@code words} (five little-endian 64-bit words, the fifth 0) to
     * {@code out[offset + pos * stride]}, negated if {@code negate}; the other positions must be zero
     * already (a caller clears its whole array in one contiguous fill, much cheaper than strided
     * writes). Returns the highest position with a non-zero digit, or -1 for zero.
     */
    static int recode(long[] words, int width, boolean negate, byte[] out, int offset, int stride) {
        if (width < 2 || width > MAX_WIDTH || words[ScalarModL.WORDS - 1] != 0) {
            throw new IllegalArgumentException("width " + width + " or scalar out of range");
        }
        int window = 1 << width;
        int sign = negate ? -1 : 1;
        int carry = 0;
        int pos = 0;
        int top = -1;
        while (pos < 256) {
            int value = carry + (int) (bitsAt(words, pos) & (window - 1));
            if ((value & 1) == 0) {
                pos++; // a zero digit (or a carry moving up)
                continue;
            }
            int digit = value < window / 2 ? value : value - window;
            carry = digit < 0 ? 1 : 0;
            out[offset + pos * stride] = (byte) (sign * digit);
            top = pos;
            pos += width;
        }
        if (carry != 0) { // had the loop gone on, the remaining bits are zero: the carry is a digit 1 right here
            out[offset + pos * stride] = (byte) sign;
            top = pos;
        }
        return top;
    }

    /** At least 57 bits of the scalar from bit {@code pos} up. */
    private static long bitsAt(long[] words, int pos) {
        int word = pos >>> 6;
        int bit = pos & 63;
        long bits = words[word] >>> bit;
        if (bit != 0) {
            bits |= words[word + 1] << (64 - bit);
        }
        return bits;
    }
}
