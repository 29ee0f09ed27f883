package dev.metanode.consensus.vrf;

/**
 * Tables of the odd multiples P, 3P, 5P, ... of a point: what a sum over width-w signed digits adds
 * (digit d &gt; 0 adds entry d/2, d &lt; 0 subtracts entry -d/2). Also the base point's table.
 */
final class OddMultiples {
    /** Width of the base point's digits: 64 entries, built once, so [s]B costs ~253/9 additions. */
    static final int BASE_WIDTH = 8;
    /** B, 3B .. 127B. */
    static final CachedPoint[] BASE = baseTable();

    private OddMultiples() {}

    /** Entries a table for width-{@code width} digits needs: odd multiples up to 2^(width-1) - 1. */
    static int entries(int width) {
        return 1 << (width - 2);
    }

    /**
     * Fills {@code table[0 .. count)} with P, 3P, 5P, ... where P is {@code p} (T current);
     * {@code p} is left as the last multiple, {@code twice} holds 2P afterwards (scratch).
     */
    static void fill(VerifyPoint p, CachedPoint twice, CachedPoint[] table, int count) {
        table[0].set(p);
        if (count == 1) {
            return;
        }
        p.twice(true);
        twice.set(p);
        p.add(table[0], true); // 3P
        table[1].set(p);
        for (int j = 2; j < count; j++) {
            p.add(twice, true);
            table[j].set(p);
        }
    }

    /**
     * {@link #fill}, then every entry made affine with one inversion for the whole table (Montgomery's
     * trick: 3 multiplications per entry): for tables built once and used many times (keys, the base).
     */
    static void fillAffine(VerifyPoint p, CachedPoint twice, CachedPoint[] table, int count) {
        fill(p, twice, table, count);
        FieldElement51[] prefix = new FieldElement51[count]; // prefix[j] = product of z2 over entries 0..j
        for (int j = 0; j < count; j++) {
            prefix[j] = new FieldElement51();
            if (j == 0) {
                prefix[j].set(table[j].z2);
            } else {
                prefix[j].mul(prefix[j - 1], table[j].z2);
            }
        }
        FieldElement51 inverse = new FieldElement51(); // of prefix[j], walking down
        inverse.invert(prefix[count - 1]);
        FieldElement51 zInverse = new FieldElement51();
        FieldElement51 two = new FieldElement51();
        two.setOne();
        two.add(two, two);
        for (int j = count - 1; j >= 0; j--) {
            if (j > 0) {
                zInverse.mul(inverse, prefix[j - 1]); // 1/z2_j
                inverse.mul(inverse, table[j].z2);
            } else {
                zInverse.set(inverse);
            }
            zInverse.mul(zInverse, two); // 1/Z = 2/z2
            table[j].makeAffine(zInverse);
        }
    }

    private static CachedPoint[] baseTable() {
        byte[] encoded = new byte[FieldElement51.ENCODED_BYTES]; // RFC 8032: y = 4/5, x positive
        java.util.Arrays.fill(encoded, (byte) 0x66);
        encoded[0] = 0x58;
        VerifyPoint b = new VerifyPoint();
        if (!b.decode(encoded, 0)) {
            throw new IllegalStateException("the base point must decode");
        }
        CachedPoint[] table = CachedPoint.array(entries(BASE_WIDTH));
        fillAffine(b, new CachedPoint(), table, table.length);
        return table;
    }
}
