package dev.metanode.consensus.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.metanode.consensus.KvHandler;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.codec.WireWriter;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.testing.TestKeys;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Gossip of many transactions per message: round trips, limits, the older one-transaction form, and hostile bytes. */
class TxGossipCodecTest {
    private static List<Transaction> txs(int n) {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            txs.add(KvHandler.put(TestKeys.key(60 + i % 5), i, "k" + i + "=v"));
        }
        return txs;
    }

    @Test
    void manyTransactionsRoundTripInOrder() throws Exception {
        for (int n : new int[] {1, 3, TxGossip.TXS_MAX}) {
            List<Transaction> sent = txs(n);
            TxGossip back = (TxGossip) MessageCodec.decode(MessageCodec.encode(new TxGossip(sent)));
            assertEquals(n, back.txs().size());
            for (int i = 0; i < n; i++) {
                assertArrayEquals(sent.get(i).id(), back.txs().get(i).id());
            }
        }
    }

    @Test
    void emptyAndOversizedGossipIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TxGossip(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TxGossip(txs(TxGossip.TXS_MAX + 1)));
        byte[] empty = new WireWriter().u8(1).u8(9).i32(0).toByteArray();
        assertThrows(MalformedMessageException.class, () -> MessageCodec.decode(empty));
        byte[] tooMany = new WireWriter().u8(1).u8(9).i32(TxGossip.TXS_MAX + 1).toByteArray();
        assertThrows(MalformedMessageException.class, () -> MessageCodec.decode(tooMany));
    }

    @Test
    void theOneTransactionFormOfEarlierNodesIsStillRead() throws Exception {
        Transaction tx = txs(1).get(0);
        byte[] legacy = new WireWriter().u8(1).u8(5).bytes(tx.encode()).toByteArray();
        TxGossip back = (TxGossip) MessageCodec.decode(legacy);
        assertArrayEquals(tx.id(), back.txs().get(0).id());
    }

    @Property(tries = 400)
    void mutatedGossipDecodesOrIsRefused(@ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] mutated = MessageCodec.encode(new TxGossip(txs(4)));
        mutated[position % mutated.length] ^= (byte) xor;
        try {
            MessageCodec.decode(mutated);
        } catch (MalformedMessageException expected) {
            // refused with a reason; any other exception fails the property
        }
    }
}
