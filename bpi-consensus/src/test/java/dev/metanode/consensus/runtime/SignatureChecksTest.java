package dev.metanode.consensus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.MessageType;
import dev.metanode.consensus.payload.Prepare;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.testing.TestKeys;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The messages that decide blocks are checked before the backlog of submitted and gossiped transactions. */
class SignatureChecksTest {
    private static final String CHAIN = "lanes";
    private static final int BACKLOG_BATCHES = 12;

    @Test
    void aPrepareOvertakesTheBacklogOfTransactionChecks() throws Exception {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger batchesStarted = new AtomicInteger();
        SignatureVerifier slowBatches = new SignatureVerifier() {
            @Override
            public boolean verify(PublicKey key, byte[] message, byte[] signature) {
                return true;
            }

            @Override
            public boolean[] verifyEach(List<SignatureCheck> checks) {
                batchesStarted.incrementAndGet();
                try {
                    release.await();
                    Thread.sleep(10); // a batch takes a while: the backlog is real work
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new boolean[checks.size()];
            }

            @Override
            public Optional<byte[]> vrfVerify(byte[] vrfKey, byte[] alpha, byte[] proof) {
                return Optional.empty();
            }
        };
        SignatureChecks checks = new SignatureChecks(CHAIN, slowBatches, "test-verify");
        try {
            SigningKey key = TestKeys.key(1);
            AtomicInteger txsChecked = new AtomicInteger();
            for (int i = 0; i < BACKLOG_BATCHES * SignatureChecks.CHUNK_TXS; i++) {
                checks.check(Transaction.sign(key, "kv", "put", i, new byte[] {(byte) i}), txsChecked::incrementAndGet);
            }
            // Every pool thread is inside a batch; the other batches wait in the queue.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (batchesStarted.get() < threads && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            AtomicInteger checkedBeforePrepare = new AtomicInteger(-1);
            CountDownLatch prepared = new CountDownLatch(1);
            checks.decodeAndCheck(prepare(key), message -> {
                checkedBeforePrepare.set(txsChecked.get());
                prepared.countDown();
            });
            release.countDown();
            assertTrue(prepared.await(10, TimeUnit.SECONDS));
            // A running batch holds 64, or up to 256 if the queue had grown before its task polled it.
            assertTrue(checkedBeforePrepare.get() <= threads * SignatureChecks.BACKLOG_BATCH_MAX, "the prepare waited for "
                    + checkedBeforePrepare.get() + " transaction checks; only the " + threads
                    + " batches already running should come first");
        } finally {
            checks.stop();
        }
    }

    @Test
    void backlogBatchesGrowWithTheBacklogAndEveryThreadGetsAShare() {
        assertEquals(SignatureChecks.CHUNK_TXS, SignatureChecks.backlogBatchSize(0, 2));
        assertEquals(SignatureChecks.CHUNK_TXS, SignatureChecks.backlogBatchSize(100, 2), "two threads share 100");
        assertEquals(150, SignatureChecks.backlogBatchSize(300, 2));
        assertEquals(SignatureChecks.BACKLOG_BATCH_MAX, SignatureChecks.backlogBatchSize(5_000, 2));
        assertEquals(SignatureChecks.BACKLOG_BATCH_MAX, SignatureChecks.backlogBatchSize(5_000, 0));
    }

    private static byte[] prepare(SigningKey key) {
        return MessageCodec.encode(new Prepare(SignedPayload.sign(key, CHAIN, MessageType.PREPARE, 1, 0, new byte[32], -1)));
    }
}
