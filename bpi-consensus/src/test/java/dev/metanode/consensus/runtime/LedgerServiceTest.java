package dev.metanode.consensus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.consensus.KvHandler;
import dev.metanode.consensus.SubmitResult;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Ledger;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxInclusion;
import dev.metanode.core.testing.TestKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Ledger port over one thread per validator, on a real clock. */
@Timeout(120)
class LedgerServiceTest {
    /** Four client threads, each waiting for its transaction before sending the next (a closed loop). */
    @Test
    void oneValidatorCommitsAThousandSubmissionsFromFourThreads() throws Exception {
        try (Services s = new Services(1)) {
            LedgerService ledger = s.get(0);
            ledger.submit(KvHandler.put(TestKeys.key(49), 0, "warm=up")).get(10, TimeUnit.SECONDS);
            int clients = 4;
            int perClient = 250;
            List<Long> latenciesNs = Collections.synchronizedList(new ArrayList<>());
            Set<TxInclusion> inclusions = Collections.synchronizedSet(new HashSet<>());
            List<Thread> threads = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int c = 0; c < clients; c++) {
                SigningKey sender = TestKeys.key(60 + c);
                List<Transaction> txs = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    txs.add(KvHandler.put(sender, i, "c" + sender.publicKey().fingerprint() + "-" + i + "=v"));
                }
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        for (Transaction tx : txs) {
                            long start = System.nanoTime();
                            TxInclusion inclusion = ledger.submit(tx).get(10, TimeUnit.SECONDS);
                            latenciesNs.add(System.nanoTime() - start);
                            inclusions.add(inclusion);
                        }
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(clients * perClient, latenciesNs.size(), "every future completed");
            Set<String> places = new HashSet<>();
            inclusions.forEach(i -> places.add(i.height() + "/" + i.index()));
            assertEquals(clients * perClient, places.size(), "distinct (height, index) for every transaction");
            assertTrue(inclusions.stream().allMatch(TxInclusion::applied));
            long p50Ms = Latency.percentileMs(latenciesNs, 50);
            assertTrue(p50Ms <= 100, "commit latency p50 " + p50Ms + " ms");

            long height = ledger.height();
            Thread.sleep(1_500); // longer than the 1 s round timeout: an idle chain must not move
            assertEquals(height, ledger.height(), "no empty blocks while idle");
            for (long h = 1; h <= height; h++) {
                assertFalse(ledger.block(h).orElseThrow().txIds().isEmpty(), "block " + h + " is empty");
            }
            ChainStatus status = ledger.status();
            assertEquals(height, status.height());
            assertEquals(ledger.block(height).orElseThrow().hash(), status.lastBlockHash());
            assertEquals(ledger.publicKey().base64(), status.lastProposer());
            assertEquals(List.of(new ChainStatus.ValidatorPower(ledger.publicKey().base64(), 10)), status.validators());
            assertEquals(0, status.mempoolSize());
        }
    }

    @Test
    void refusalsFailTheFutureAndResubmissionsGetTheSameInclusion() throws Exception {
        try (Services s = new Services(1)) {
            LedgerService ledger = s.get(0);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> ledger.submit(KvHandler.put(TestKeys.key(50), 1, "no-equals")).get(10, TimeUnit.SECONDS));
            SubmitRefusedException reason = assertInstanceOf(SubmitRefusedException.class, refused.getCause());
            assertEquals(SubmitResult.Status.REJECTED, reason.status());
            assertTrue(reason.getMessage().contains("key=value"), reason.getMessage());

            Transaction tx = KvHandler.put(TestKeys.key(50), 2, "a=1");
            CompletableFuture<TxInclusion> first = ledger.submit(tx);
            CompletableFuture<TxInclusion> second = ledger.submit(tx);
            TxInclusion inclusion = first.get(10, TimeUnit.SECONDS);
            assertEquals(inclusion, second.get(10, TimeUnit.SECONDS));
            assertEquals(inclusion, ledger.submit(tx).get(10, TimeUnit.SECONDS), "ALREADY_FINAL gives the inclusion");

            BlockView block = ledger.block(inclusion.height()).orElseThrow();
            assertEquals(List.of(tx.idHex()), block.txIds());
            assertEquals(1, block.seals().size());
            assertEquals(ledger.publicKey().base64(), block.header().get("proposer"));
            assertTrue(ledger.block(99).isEmpty());
            assertTrue(ledger.deliver(TestKeys.key(9).publicKey(), new byte[] {42}), "garbage is queued, then dropped by the node");
            assertEquals(inclusion.height(), ledger.submit(KvHandler.put(TestKeys.key(50), 3, "b=2")).get(10, TimeUnit.SECONDS).height() - 1,
                    "the node survives garbage");
        }
    }

    @Test
    void aBatchSubmittedTogetherCommitsEachTransactionOnceInItsOrder() throws Exception {
        try (Services s = new Services(1)) {
            LedgerService ledger = s.get(0);
            List<Transaction> txs = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                txs.add(KvHandler.put(TestKeys.key(51), i, "batch" + i + "=v"));
            }
            txs.add(txs.get(7)); // the same transaction twice in one batch: one inclusion
            txs.add(KvHandler.put(TestKeys.key(51), 999, "no-equals"));
            List<CompletableFuture<TxInclusion>> futures = ledger.submitAll(txs);
            assertEquals(txs.size(), futures.size());
            Set<String> places = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                TxInclusion inclusion = futures.get(i).get(30, TimeUnit.SECONDS);
                assertEquals(txs.get(i).idHex(), inclusion.txIdHex());
                places.add(inclusion.height() + "/" + inclusion.index());
            }
            assertEquals(300, places.size(), "each transaction has a place of its own");
            assertEquals(futures.get(7).get(), futures.get(300).get(30, TimeUnit.SECONDS));
            ExecutionException refused = assertThrows(ExecutionException.class, () -> futures.get(301).get(30, TimeUnit.SECONDS));
            assertInstanceOf(SubmitRefusedException.class, refused.getCause());
        }
    }

    @Test
    void fourValidatorsInOneJvmCommitWhatAnyOfThemReceives() throws Exception {
        try (Services s = new Services(4)) {
            List<CompletableFuture<TxInclusion>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(s.get(i % 4).submit(KvHandler.put(TestKeys.key(70), i, "k" + i + "=v")));
            }
            Set<String> places = new HashSet<>();
            for (CompletableFuture<TxInclusion> f : futures) {
                TxInclusion inclusion = f.get(30, TimeUnit.SECONDS);
                places.add(inclusion.height() + "/" + inclusion.index());
            }
            assertEquals(40, places.size());
            long top = s.services.stream().mapToLong(LedgerService::height).max().orElseThrow();
            awaitTrue(() -> s.services.stream().allMatch(l -> l.height() >= top), "all validators reach " + top);
            for (long h = 1; h <= top; h++) {
                String hash = s.get(0).block(h).orElseThrow().hash();
                for (LedgerService l : s.services) {
                    assertEquals(hash, l.block(h).orElseThrow().hash(), "height " + h);
                }
                assertTrue(s.get(0).block(h).orElseThrow().seals().size() >= 3, "a quorum sealed height " + h);
            }
            assertEquals(4, s.get(2).status().validators().size());
        }
    }

    @Test
    void anAnchoredCheckpointLandsInABlockOnEveryValidator() throws Exception {
        try (Services s = new Services(4)) {
            String text = "metanode.dev/receipts\n5\n" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n";
            String note = dev.metanode.core.log.SignedNote.sign(text,
                    new dev.metanode.core.log.NoteKey("metanode.dev/receipts", TestKeys.key(90))).format();
            s.get(1).anchor(note);
            awaitTrue(() -> s.services.stream().allMatch(l -> l.height() >= 1), "every validator commits the anchor");
            for (LedgerService l : s.services) {
                assertEquals(List.of(note), l.block(1).orElseThrow().header().get("checkpoints"));
                assertTrue(l.block(1).orElseThrow().txIds().isEmpty());
            }
        }
    }

    @Test
    void aRestartedServiceResumesAtItsHeightAndKeepsCommitting() throws Exception {
        try (Services s = new Services(1)) {
            Transaction early = KvHandler.put(TestKeys.key(51), 1, "a=1");
            s.get(0).submit(early).get(10, TimeUnit.SECONDS);
            TxInclusion before = s.get(0).submit(KvHandler.put(TestKeys.key(51), 2, "b=2")).get(10, TimeUnit.SECONDS);
            long height = s.get(0).height();
            String hash = s.get(0).block(height).orElseThrow().hash();
            LedgerService stopped = s.get(0);
            s.stop(0);
            assertFalse(stopped.deliver(stopped.publicKey(), new byte[] {1}), "a stopped service drops messages");
            assertEquals(1, stopped.status().droppedMessages());
            assertThrows(ExecutionException.class, () -> s.get(0).submit(KvHandler.put(TestKeys.key(51), 3, "c=3")).get());

            LedgerService again = s.start(0);
            assertEquals(height, again.height());
            assertEquals(hash, again.block(height).orElseThrow().hash());
            assertEquals(before.height(), again.submit(KvHandler.put(TestKeys.key(51), 2, "b=2")).get(10, TimeUnit.SECONDS).height());
            TxInclusion after = again.submit(KvHandler.put(TestKeys.key(51), 4, "d=4")).get(10, TimeUnit.SECONDS);
            assertEquals(height + 1, after.height());
        }
    }

    @Test
    void aSlowFollowerDoesNotStallCommitsAndStillSeesEveryBlockInOrder() throws Exception {
        try (Services s = new Services(1)) {
            LedgerService ledger = s.get(0);
            List<Long> seen = new CopyOnWriteArrayList<>();
            Ledger.Subscription slow = ledger.follow(block -> {
                seen.add(block.height());
                sleep(200);
            });
            List<Long> fast = new CopyOnWriteArrayList<>();
            ledger.follow(block -> fast.add(block.height()));
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                ledger.submit(KvHandler.put(TestKeys.key(52), i, "k" + i + "=v")).get(10, TimeUnit.SECONDS);
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < 2_000, "20 commits took " + tookMs + " ms next to a listener sleeping 200 ms per block");
            assertTrue(seen.size() < 20, "the slow follower is behind: " + seen.size());
            awaitTrue(() -> seen.size() == 20, "the slow follower sees all 20 blocks");
            awaitTrue(() -> fast.size() == 20, "the other follower sees all 20 blocks");
            List<Long> expected = java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList();
            assertEquals(expected, seen);
            assertEquals(expected, fast);
            slow.close();
            ledger.submit(KvHandler.put(TestKeys.key(52), 99, "z=v")).get(10, TimeUnit.SECONDS);
            awaitTrue(() -> fast.size() == 21, "the open follower sees block 21");
            assertEquals(20, seen.size(), "a closed subscription gets nothing more");
        }
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
