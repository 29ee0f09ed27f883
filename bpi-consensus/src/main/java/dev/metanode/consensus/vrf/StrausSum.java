package dev.metanode.consensus.vrf;

import java.util.Arrays;

/**
 * Sum of [k_i]P_i over many terms in one pass (Straus' method): one run of doublings shared by every
 * term, and per term one addition per non-zero signed digit (width-w NAF, {@link NafDigits}) from
 * its table of odd multiples. Terms may have different widths and sizes: a 128-bit weight has no
 * digits above position ~133, so the scan over terms stops early there. Reused across sums (it lives
 * in a thread's workspace): no allocation once it has grown to the largest batch. Variable time.
 */
final class StrausSum {
    private CachedPoint[][] tables = new CachedPoint[0][];
    private int[] termTop = new int[0];
    /** Digits, position-major: digit of term t at position pos is digits[pos * stride + t]. */
    private byte[] digits = new byte[0];
    private int stride;
    private int terms;
    /** limitAt[pos]: terms from this index on have no digit at pos or above. */
    private final int[] limitAt = new int[NafDigits.POSITIONS];
    private final long[] words = new long[ScalarModL.WORDS];

    /** Starts a sum of at most {@code capacity} terms. */
    void start(int capacity) {
        if (capacity > tables.length) {
            tables = new CachedPoint[capacity][];
            termTop = new int[capacity];
            digits = new byte[NafDigits.POSITIONS * capacity];
        } else {
            Arrays.fill(digits, 0, NafDigits.POSITIONS * stride, (byte) 0); // what the last sum wrote
        }
        stride = capacity;
        terms = 0;
    }

    /**
     * Adds the term [k]P, or -[k]P if {@code negate}: k in normal-form 21-bit limbs (below 2^256),
     * P given by its table for digits of {@code width}.
     */
    void term(CachedPoint[] table, int width, long[] k, int limbs, boolean negate) {
        if (terms == stride) { // a row holds one digit per term: one more would spill into the next row
            throw new IllegalStateException("more terms than the sum was started with: " + stride);
        }
        ScalarModL.toWords(k, limbs, words);
        tables[terms] = table;
        termTop[terms] = NafDigits.recode(words, width, negate, digits, terms, stride);
        terms++;
    }

    /** Sets {@code acc} to the sum of the terms, with T current. */
    void sumInto(VerifyPoint acc) {
        acc.setIdentity();
        int top = limits();
        for (int pos = top; pos >= 0; pos--) {
            int row = pos * stride;
            int limit = limitAt[pos];
            int t = nextDigit(row, 0, limit);
            if (pos != top) { // doubling the identity would be wasted
                acc.twice(t < limit || pos == 0);
            }
            while (t < limit) {
                int next = nextDigit(row, t + 1, limit);
                boolean withT = next < limit || pos == 0; // a doubling follows otherwise, and it reads no T
                int d = digits[row + t];
                if (d > 0) {
                    acc.add(tables[t][d >> 1], withT);
                } else {
                    acc.sub(tables[t][-d >> 1], withT);
                }
                t = next;
            }
        }
        Arrays.fill(tables, 0, terms, null); // do not keep other threads' key tables reachable
    }

    /** Fills limitAt for every position up to the top digit, which it returns (-1 if every term is zero). */
    private int limits() {
        int top = -1;
        for (int t = 0; t < terms; t++) {
            top = Math.max(top, termTop[t]);
        }
        if (top < 0) {
            return top;
        }
        Arrays.fill(limitAt, 0, top + 1, 0);
        for (int t = 0; t < terms; t++) {
            if (termTop[t] >= 0) {
                limitAt[termTop[t]] = Math.max(limitAt[termTop[t]], t + 1);
            }
        }
        for (int pos = top - 1; pos >= 0; pos--) {
            limitAt[pos] = Math.max(limitAt[pos], limitAt[pos + 1]);
        }
        return top;
    }

    private int nextDigit(int row, int from, int limit) {
        while (from < limit && digits[row + from] == 0) {
            from++;
        }
        return from;
    }
}
