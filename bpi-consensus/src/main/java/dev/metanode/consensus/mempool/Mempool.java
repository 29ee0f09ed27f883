package dev.metanode.consensus.mempool;

import dev.metanode.consensus.chain.Block;
import dev.metanode.core.ledger.Transaction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transactions waiting for a block, in arrival order, deduplicated by id and bounded in count and
 * bytes. It holds only transactions that passed the stateless checks (signature, handler); the
 * caller does those, and removes what became final.
 */
public final class Mempool {
    /** Transactions waiting at once. */
    public static final int TXS_MAX = 10_000;
    /** Bytes of all waiting transactions together. */
    public static final long BYTES_MAX = 64L * 1024 * 1024;

    /** What happened to an offered transaction. */
    public enum Admission { ADDED, DUPLICATE, FULL }

    private final Map<ByteBuffer, Transaction> waiting = new LinkedHashMap<>();
    private long bytes;

    public Admission add(Transaction tx) {
        ByteBuffer id = ByteBuffer.wrap(tx.id());
        if (waiting.containsKey(id)) {
            return Admission.DUPLICATE;
        }
        int size = tx.encodedLength();
        if (waiting.size() >= TXS_MAX || bytes + size > BYTES_MAX) {
            return Admission.FULL;
        }
        waiting.put(id, tx);
        bytes += size;
        return Admission.ADDED;
    }

    public boolean contains(byte[] id) {
        return waiting.containsKey(ByteBuffer.wrap(id));
    }

    /** The oldest transactions that fit one block. */
    public List<Transaction> select() {
        List<Transaction> chosen = new ArrayList<>();
        long size = 0;
        for (Transaction tx : waiting.values()) {
            int txBytes = tx.encodedLength();
            if (chosen.size() == Block.TXS_MAX || size + txBytes > Block.BYTES_MAX / 2) {
                break;
            }
            chosen.add(tx);
            size += txBytes;
        }
        return chosen;
    }

    /** The {@code n} oldest, to gossip again when a round stalls. */
    public List<Transaction> oldest(int n) {
        return waiting.values().stream().limit(n).toList();
    }

    public void removeAll(Collection<Transaction> txs) {
        for (Transaction tx : txs) {
            Transaction removed = waiting.remove(ByteBuffer.wrap(tx.id()));
            if (removed != null) {
                bytes -= removed.encodedLength();
            }
        }
    }

    public int size() {
        return waiting.size();
    }

    public boolean isEmpty() {
        return waiting.isEmpty();
    }
}
