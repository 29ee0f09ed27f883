package dev.metanode.consensus.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.KvHandler;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.codec.WireWriter;
import dev.metanode.consensus.vrf.Ed25519Batch;
import dev.metanode.consensus.vrf.RHints;
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

    private static void checkSignatures(List<Transaction> txs) {
        Ed25519Batch.verifyEach(txs.stream()
                .map(tx -> new Ed25519Batch.Check(tx.sender().bytes(), tx.signingBytes(), tx.signature())).toList());
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
        byte[] empty = new WireWriter().u8(1).u8(10).i32(0).toByteArray();
        assertThrows(MalformedMessageException.class, () -> MessageCodec.decode(empty));
        byte[] tooMany = new WireWriter().u8(1).u8(9).i32(TxGossip.TXS_MAX + 1).toByteArray();
        assertThrows(MalformedMessageException.class, () -> MessageCodec.decode(tooMany));
    }

    @Test
    void gossipCarriesTheRHintsOfCheckedSignaturesAndKeepsWellFormedOnes() throws Exception {
        List<Transaction> sent = txs(3);
        checkSignatures(sent); // as the receiving node does before it gossips
        byte[] hinted = MessageCodec.encode(new TxGossip(sent));
        assertEquals(10, hinted[1]);
        int plain = 2 + 4 + sent.stream().mapToInt(tx -> 4 + tx.encodedLength()).sum();
        assertEquals(plain + sent.size() * (1 + 32), hinted.length, "every transaction with its hint");

        byte[] x = RHints.x(sent.get(1).signature());
        RHints.offer(sent.get(1).signature(), new byte[32]);
        MessageCodec.decode(hinted);
        assertArrayEquals(x, RHints.x(sent.get(1).signature()), "a decoded message hands its hints on");

        byte[] badFlag = new WireWriter().u8(1).u8(10).i32(1).bytes(sent.get(0).encode()).u8(2).toByteArray();
        assertThrows(MalformedMessageException.class, () -> MessageCodec.decode(badFlag));
        byte[] shortHint = new WireWriter().u8(1).u8(10).i32(1).bytes(sent.get(0).encode()).u8(1).i32(7).toByteArray();
        assertThrows(MalformedMessageException.class, () -> MessageCodec.decode(shortHint));
        byte[] noHint = new WireWriter().u8(1).u8(10).i32(1).bytes(sent.get(0).encode()).u8(0).toByteArray();
        assertArrayEquals(sent.get(0).id(), ((TxGossip) MessageCodec.decode(noHint)).txs().get(0).id());
    }

    @Test
    void theManyTransactionFormWithoutHintsIsStillRead() throws Exception {
        List<Transaction> sent = txs(2);
        WireWriter w = new WireWriter().u8(1).u8(9).i32(sent.size());
        sent.forEach(tx -> w.bytes(tx.encode()));
        TxGossip back = (TxGossip) MessageCodec.decode(w.toByteArray());
        assertArrayEquals(sent.get(1).id(), back.txs().get(1).id());
        assertTrue(MessageCodec.isTransactionGossip(w.toByteArray()));
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
        List<Transaction> sent = txs(4);
        checkSignatures(sent); // so the message carries their R hints too
        byte[] mutated = MessageCodec.encode(new TxGossip(sent));
        mutated[position % mutated.length] ^= (byte) xor;
        try {
            MessageCodec.decode(mutated);
        } catch (MalformedMessageException expected) {
            // refused with a reason; any other exception fails the property
        }
    }
}
