package dev.metanode.httpcage.notary;

import dev.metanode.core.log.MerkleHash;
import dev.metanode.core.log.MerkleProofs;
import dev.metanode.core.log.TreeNodes;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchanges notarised by one pipeline receipt: an RFC 9162 Merkle tree over their records
 * (leaf hash {@code SHA-256(0x00 || record)}), whose root the receipt signs. Built in memory by
 * the notary; {@link #inclusion} gives each exchange its own proof.
 */
public final class ExchangeBatch {
    private final List<byte[]> records;
    /** levels.get(l).get(i): the perfect subtree over leaves [i·2^l, (i+1)·2^l). */
    private final List<List<byte[]>> levels = new ArrayList<>();
    private final byte[] root;

    public ExchangeBatch(List<byte[]> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one exchange");
        }
        this.records = List.copyOf(records);
        List<byte[]> level = new ArrayList<>(records.size());
        for (byte[] record : records) {
            level.add(MerkleHash.leafHash(record));
        }
        levels.add(level);
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>(level.size() / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                up.add(MerkleHash.nodeHash(level.get(i), level.get(i + 1)));
            }
            levels.add(up);
            level = up;
        }
        this.root = MerkleProofs.root(records.size(), nodes());
    }

    private TreeNodes nodes() {
        return (level, index) -> levels.get(level).get(Math.toIntExact(index));
    }

    public int size() {
        return records.size();
    }

    public byte[] record(int position) {
        return records.get(position);
    }

    public byte[] root() {
        return root.clone();
    }

    /** The path from exchange {@code position} up to the root, sibling first. */
    public List<byte[]> inclusion(int position) {
        return MerkleProofs.inclusion(position, records.size(), nodes());
    }
}
