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

    private static CachedPoint[] baseTable() {
        byte[] encoded = new byte[FieldElement51.ENCODED_BYTES]; // RFC 8032: y = 4/5, x positive
        java.util.Arrays.fill(encoded, (byte) 0x66);
        encoded[0] = 0x58;
        VerifyPoint b = new VerifyPoint();
        if (!b.decode(encoded, 0)) {
            throw new IllegalStateException("the base point must decode");
        }
        CachedPoint[] table = CachedPoint.array(entries(BASE_WIDTH));
        fill(b, new CachedPoint(), table, table.length);
        return table;
    }
}
