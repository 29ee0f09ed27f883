package dev.metanode.consensus.vrf;

import java.math.BigInteger;
import java.util.List;

/**
 * The batch verification's former multi-scalar sum, on {@link EdwardsPoint} and BigInteger scalars,
 * kept in the tests as an independent reference for {@link StrausSum} (which replaced it).
 *
 * <p>Sum of [k_i]P_i over many points in one pass (Straus' method with width-5 non-adjacent forms):
 * the 253 doublings are shared by every term, and each term costs one addition per non-zero digit
 * (about one in six) plus a table of its odd multiples P, 3P .. 15P. Variable time: only for public
 * inputs (signature verification), never with a secret scalar.
 */
final class MultiScalar {
    /** Window width of the non-adjacent form: digits are odd, in -15..15. */
    private static final int WIDTH = 5;
    private static final int ODD_MULTIPLES = 1 << (WIDTH - 2);
    /** Digit positions: scalars are below 2^256, and a last carry may land up to WIDTH positions above. */
    private static final int POSITIONS = 256 + WIDTH;

    private MultiScalar() {}

    /** The odd multiples of one point that the sum adds: build once, reuse for every sum with that point. */
    static final class Table {
        /** plus[j] = (2j+1)P and minus[j] = -(2j+1)P, in addition form. */
        private final int[][][] plus = new int[ODD_MULTIPLES][][];
        private final int[][][] minus = new int[ODD_MULTIPLES][][];

        Table(EdwardsPoint p) {
            EdwardsPoint twice = p.twice();
            EdwardsPoint multiple = p;
            for (int j = 0; j < ODD_MULTIPLES; j++) {
                if (j > 0) {
                    multiple = multiple.add(twice);
                }
                plus[j] = multiple.additionForm(false);
                minus[j] = multiple.additionForm(true);
            }
        }
    }

    /** One term of the sum. The scalar is non-negative and below 2^256. */
    record Term(BigInteger scalar, Table table) {
        Term(BigInteger scalar, EdwardsPoint point) {
            this(scalar, new Table(point));
        }
    }

    static EdwardsPoint sum(List<Term> terms) {
        int n = terms.size();
        int[][] digits = new int[n][];
        Table[] tables = new Table[n];
        int top = -1;
        for (int i = 0; i < n; i++) {
            Term term = terms.get(i);
            digits[i] = nonAdjacentForm(term.scalar());
            tables[i] = term.table();
            for (int pos = POSITIONS - 1; pos > top; pos--) {
                if (digits[i][pos] != 0) {
                    top = pos;
                    break;
                }
            }
        }
        int[][] r = EdwardsPoint.coords(EdwardsPoint.IDENTITY);
        EdwardsPoint.Scratch scratch = new EdwardsPoint.Scratch();
        for (int pos = top; pos >= 0; pos--) {
            EdwardsPoint.doubleInPlace(r, scratch);
            for (int i = 0; i < n; i++) {
                int d = digits[i][pos];
                if (d > 0) {
                    EdwardsPoint.addInPlace(r, tables[i].plus[d >> 1], scratch);
                } else if (d < 0) {
                    EdwardsPoint.addInPlace(r, tables[i].minus[(-d) >> 1], scratch);
                }
            }
        }
        return EdwardsPoint.of(r);
    }

    /**
     * k = sum of digit[pos] * 2^pos where every non-zero digit is odd, |digit| < 2^(WIDTH-1), and
     * any WIDTH consecutive positions hold at most one non-zero digit.
     */
    static int[] nonAdjacentForm(BigInteger k) {
        if (k.signum() < 0 || k.bitLength() > 256) {
            throw new IllegalArgumentException("scalar out of range");
        }
        long[] words = new long[5];
        byte[] le = Scalars.toLittleEndian(k, 32);
        for (int i = 0; i < 32; i++) {
            words[i >> 3] |= (le[i] & 0xffL) << ((i & 7) * 8);
        }
        int[] digits = new int[POSITIONS];
        int window = 1 << WIDTH;
        int carry = 0;
        int pos = 0;
        while (pos < 256) {
            int word = pos >> 6;
            int bit = pos & 63;
            long bits = words[word] >>> bit;
            if (bit > 64 - WIDTH) {
                bits |= words[word + 1] << (64 - bit);
            }
            int value = carry + (int) (bits & (window - 1));
            if ((value & 1) == 0) {
                pos++;
                continue;
            }
            if (value < window / 2) {
                carry = 0;
                digits[pos] = value;
            } else {
                carry = 1;
                digits[pos] = value - window;
            }
            pos += WIDTH;
        }
        // Had the loop gone on, the remaining bits are zero: a carry becomes a digit 1 right here.
        digits[pos] = carry;
        return digits;
    }
}
