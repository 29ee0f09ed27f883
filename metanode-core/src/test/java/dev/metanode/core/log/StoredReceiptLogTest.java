package dev.metanode.core.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import dev.metanode.core.store.MemoryKvStore;
import dev.metanode.core.testing.ManualClock;
import dev.metanode.core.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoredReceiptLogTest {
    private static final String ORIGIN = "metanode/test";
    private final SigningKey key = TestKeys.key(7);
    private final MemoryKvStore store = new MemoryKvStore();
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private StoredReceiptLog log = open();

    private StoredReceiptLog open() {
        return StoredReceiptLog.open(store, key, ORIGIN, clock, LogSettings.DEFAULTS);
    }

    @AfterEach
    void close() {
        log.close();
    }

    private static ReceiptDraft draft(int i) {
        return ReceiptDraft.builder(i % 2 == 0 ? ReceiptKind.ACTION : ReceiptKind.STEP, "test", "op." + i)
                .input("i", i).build();
    }

    private List<LoggedReceipt> appendMany(int n) {
        List<CompletableFuture<LoggedReceipt>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(log.append(draft(i)));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private BundleVerifier verifier() {
        return new BundleVerifier(List.of(NoteVerifierKey.of(ORIGIN, key.publicKey())));
    }

    @Test
    void appendsAreNumberedFindableAndProvable() {
        List<LoggedReceipt> logged = appendMany(37);
        assertEquals(37, log.size());
        for (int i = 0; i < logged.size(); i++) {
            LoggedReceipt r = logged.get(i);
            assertEquals(i, r.index());
            assertArrayEquals(r.envelope(), log.find(r.id()).orElseThrow().envelope());
            assertEquals(i, log.find(r.id().substring(0, 11)).orElseThrow().index());
        }
        String note = log.checkpointCovering(36);
        ProofBundle bundle = ProofBundle.of(logged.get(20), 37, log.inclusionProof(20, 37), note);
        VerificationReport report = verifier().verify(ProofBundle.parse(bundle.toJson().getBytes(StandardCharsets.UTF_8)));
        assertTrue(report.passed(), report.failure());
    }

    @Test
    void listingsAreNewestFirstAndFilterByKind() {
        appendMany(10);
        List<java.util.Map<String, Object>> steps = log.list(Long.MAX_VALUE, 3, s -> "step".equals(s.get("kind")));
        assertEquals(List.of(9L, 7L, 5L), steps.stream().map(s -> ((Number) s.get("index")).longValue()).toList());
    }

    @Test
    void checkpointsFollowTheIntervalAndProveConsistency() throws Exception {
        appendMany(5);
        String first = log.checkpointCovering(4);
        Checkpoint cp1 = CheckpointVerifier.verify(first, NoteVerifierKey.of(ORIGIN, key.publicKey()));
        assertEquals(5, cp1.size());
        appendMany(8);
        clock.advance(LogSettings.DEFAULTS.checkpointIntervalMs());
        String second = log.checkpointCovering(12);
        Checkpoint cp2 = CheckpointVerifier.verify(second, NoteVerifierKey.of(ORIGIN, key.publicKey()));
        assertEquals(13, cp2.size());
        MerkleVerifier.verifyConsistency(5, 13, log.consistencyProof(5, 13), cp1.rootHash(), cp2.rootHash());
    }

    @Test
    void reopeningKeepsEverythingAndTheRoot() {
        appendMany(25);
        byte[] root = log.root(25);
        log.close();
        log = open();
        assertEquals(25, log.size());
        assertArrayEquals(root, log.root(25));
        LoggedReceipt next = log.appendAndWait(draft(99));
        assertEquals(25, next.index());
    }

    @Test
    void aChangedStoredReceiptRefusesToOpen() {
        appendMany(9);
        log.close();
        byte[] envelope = store.get(LogColumns.RECEIPTS, 4L).orElseThrow();
        envelope[envelope.length / 2] ^= 1;
        store.putRaw(LogColumns.RECEIPTS.name(), LogColumns.RECEIPTS.keys().encode(4L), envelope);
        LogCorruptionException e = assertThrows(LogCorruptionException.class, this::open);
        assertTrue(e.getMessage().contains("receipt 4"), e.getMessage());
        log = reopenClean();
    }

    @Test
    void aChangedStoredNodeRefusesToOpen() {
        appendMany(9);
        log.close();
        LogColumns.NodeId id = new LogColumns.NodeId(2, 1);
        byte[] node = store.get(LogColumns.NODES, id).orElseThrow();
        node[0] ^= 1;
        store.putRaw(LogColumns.NODES.name(), LogColumns.NODE_ID.encode(id), node);
        LogCorruptionException e = assertThrows(LogCorruptionException.class, this::open);
        assertTrue(e.getMessage().contains("level 2"), e.getMessage());
        log = reopenClean();
    }

    @Test
    void aTamperedNodeMakesServedProofsFail() {
        List<LoggedReceipt> logged = appendMany(8);
        String note = log.checkpointCovering(7);
        LogColumns.NodeId sibling = new LogColumns.NodeId(0, 3);
        byte[] node = store.get(LogColumns.NODES, sibling).orElseThrow();
        node[5] ^= 1;
        store.putRaw(LogColumns.NODES.name(), LogColumns.NODE_ID.encode(sibling), node);
        ProofBundle bundle = ProofBundle.of(logged.get(2), 8, log.inclusionProof(2, 8), note);
        VerificationReport report = verifier().verify(bundle);
        assertFalse(report.passed());
        assertTrue(report.failure().startsWith("inclusion"), report.failure());
    }

    @Test
    void everySingleByteChangeOfABundleIsCaught() {
        List<LoggedReceipt> logged = appendMany(6);
        String note = log.checkpointCovering(5);
        byte[] json = ProofBundle.of(logged.get(3), 6, log.inclusionProof(3, 6), note).toJson()
                .getBytes(StandardCharsets.UTF_8);
        int caught = 0;
        int tried = 0;
        // Every byte of the envelope, proof and checkpoint fields; the informational statement copy is not trusted.
        int end = new String(json, StandardCharsets.UTF_8).indexOf("\"statement\"");
        for (int i = 0; i < end; i += 7) {
            byte[] copy = json.clone();
            copy[i] ^= 0x01;
            tried++;
            try {
                if (!verifier().verify(ProofBundle.parse(copy)).passed()) {
                    caught++;
                }
            } catch (IllegalArgumentException e) {
                caught++;
            }
        }
        assertEquals(tried, caught, "every flipped byte must fail verification or parsing");
    }

    @Test
    void aRemovedTailIsCaughtByTheSignedCheckpoint() {
        appendMany(6);
        log.checkpointCovering(5);
        log.close();
        store.write(new dev.metanode.core.store.WriteBatch().put(LogColumns.META, "size", 4L)
                .delete(LogColumns.RECEIPTS, 4L).delete(LogColumns.RECEIPTS, 5L), true);
        LogCorruptionException e = assertThrows(LogCorruptionException.class, this::open);
        assertTrue(e.getMessage().contains("removed"), e.getMessage());
        log = reopenClean();
    }

    /** A fresh log for the @AfterEach close, after a test left the shared store corrupted. */
    private StoredReceiptLog reopenClean() {
        return StoredReceiptLog.open(new MemoryKvStore(), key, ORIGIN, clock, LogSettings.DEFAULTS);
    }
}
