package dev.metanode.consensus.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.chain.Block;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bounded by count and bytes, one copy per transaction id, oldest first into a block. */
class MempoolTest {
    @Test
    void theSameTransactionIsKeptOnce() {
        Mempool pool = new Mempool();
        Transaction tx = tx(1, 10);
        assertEquals(Mempool.Admission.ADDED, pool.add(tx));
        assertEquals(Mempool.Admission.DUPLICATE, pool.add(Transaction.decode(tx.encode())), "same id, decoded again");
        assertEquals(1, pool.size());
        assertTrue(pool.contains(tx.id()));
    }

    @Test
    void fullByCountRefusesUntilABlockTakesSome() {
        Mempool pool = new Mempool();
        List<Transaction> added = new ArrayList<>();
        for (int i = 0; i < Mempool.TXS_MAX; i++) {
            Transaction tx = tx(i, 8);
            assertEquals(Mempool.Admission.ADDED, pool.add(tx));
            added.add(tx);
        }
        Transaction late = tx(Mempool.TXS_MAX, 8);
        assertEquals(Mempool.Admission.FULL, pool.add(late));
        assertFalse(pool.contains(late.id()));

        List<Transaction> block = pool.select();
        assertEquals(Block.TXS_MAX, block.size());
        assertEquals(added.subList(0, Block.TXS_MAX), block, "oldest first, in arrival order");
        pool.removeAll(block);
        assertEquals(Mempool.TXS_MAX - Block.TXS_MAX, pool.size());
        assertEquals(Mempool.Admission.ADDED, pool.add(late));
    }

    @Test
    void fullByBytesRefusesLargeTransactionsAndFreesTheirBytesOnRemoval() {
        Mempool pool = new Mempool();
        int payload = Transaction.PAYLOAD_BYTES_MAX;
        List<Transaction> added = new ArrayList<>();
        int i = 0;
        while (true) {
            Transaction tx = tx(i++, payload);
            Mempool.Admission admission = pool.add(tx);
            if (admission != Mempool.Admission.ADDED) {
                assertEquals(Mempool.Admission.FULL, admission);
                break;
            }
            added.add(tx);
        }
        assertTrue(added.size() < Mempool.TXS_MAX
                && (long) (added.size() + 1) * added.get(0).encodedLength() > Mempool.BYTES_MAX,
                added.size() + " transactions of 64 KiB");
        assertEquals(Mempool.Admission.ADDED, pool.add(tx(100_000, 8)), "a small one still fits");
        pool.removeAll(added.subList(0, 1));
        assertEquals(Mempool.Admission.ADDED, pool.add(tx(i + 1, payload)), "the removed one's bytes are free again");
    }

    @Test
    void aBlockTakesAtMostHalfItsByteLimitFromThePool() {
        Mempool pool = new Mempool();
        int payload = Transaction.PAYLOAD_BYTES_MAX;
        for (int i = 0; i < 64; i++) {
            pool.add(tx(i, payload));
        }
        long bytes = pool.select().stream().mapToLong(Transaction::encodedLength).sum();
        assertTrue(bytes <= Block.BYTES_MAX / 2 && bytes > Block.BYTES_MAX / 2 - payload - 1024, bytes + " bytes");
        assertEquals(pool.oldest(3), pool.select().subList(0, 3));
    }

    private static Transaction tx(long nonce, int payloadBytes) {
        byte[] payload = new byte[payloadBytes];
        payload[0] = (byte) nonce;
        return Transaction.sign(TestKeys.key(5), "kv", "put", nonce, payload);
    }
}
