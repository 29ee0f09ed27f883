package dev.metanode.consensus.runtime;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.Domains;
import dev.metanode.consensus.chain.HeaderVerifier;
import dev.metanode.consensus.chain.InvalidBlockException;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.payload.Commit;
import dev.metanode.consensus.payload.Prepare;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.payload.FinalBlock;
import dev.metanode.consensus.payload.Message;
import dev.metanode.consensus.payload.Proposal;
import dev.metanode.consensus.payload.RoundChange;
import dev.metanode.consensus.payload.TxGossip;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.core.ledger.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks signatures (of transactions, of QBFT messages and commit seals) on a small pool (one thread per available processor) before the
 * consensus thread needs the answers. The node's verifier remembers them ({@link
 * dev.metanode.consensus.chain.CachingVerifier}), so its own checks at mempool admission and block
 * validation become look-ups: each signature is computed once per node, on whichever core is free,
 * and not on the consensus thread. A verifier that remembers nothing makes this wasted work, never
 * wrong work: the node still checks everything itself.
 */
final class SignatureChecks {
    /** Transactions one pool task checks: a block's are split so that every core takes a share. */
    static final int CHUNK_TXS = 64;
    /**
     * The most a backlog batch takes. A batch of 256 costs ~27 % less per signature than one of 64
     * (BENCHMARKS.md, session 7); when the backlog is that long its transactions wait anyway, so a
     * busy node takes bigger batches and spends its cores on fewer, cheaper checks.
     */
    static final int BACKLOG_BATCH_MAX = 256;

    private final String chainId;
    private final SignatureVerifier verifier;
    private final ExecutorService pool;
    private final AtomicLong sequence = new AtomicLong();
    /** Transactions given to {@link #check} and not yet taken into a batch. */
    private final Queue<Submitted> submitted = new ConcurrentLinkedQueue<>();
    /** How many wait in {@link #submitted} (its own size() walks the queue). */
    private final AtomicInteger waiting = new AtomicInteger();
    private final int threads;
    /** The set deciding the current height, as of the consensus thread's last event: whose VRF keys proposals use. */
    private volatile ValidatorSet validators;

    SignatureChecks(String chainId, SignatureVerifier verifier, String threadName) {
        this.chainId = chainId;
        this.verifier = verifier;
        AtomicInteger n = new AtomicInteger();
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        // Urgent tasks first (see Ranked): a priority queue, so the pool is a ThreadPoolExecutor.
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                r -> Thread.ofPlatform().name(threadName + "-" + n.incrementAndGet()).daemon(true)
                        .priority(Thread.MIN_PRIORITY).unstarted(r));
    }

    /**
     * A pool task with its rank: the checks of messages that decide blocks (proposals, prepares,
     * commits, round changes, final blocks) before the backlog of submitted and gossiped
     * transactions, first come first served within each. Transactions a proposal carries that also
     * wait in the backlog are checked with the proposal; the backlog then finds their answers
     * remembered by the verifier instead of checking them again.
     */
    private record Ranked(boolean urgent, long sequence, Runnable task) implements Runnable, Comparable<Ranked> {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Ranked other) {
            if (urgent != other.urgent) {
                return urgent ? -1 : 1;
            }
            return Long.compare(sequence, other.sequence);
        }
    }

    /**
     * Checks {@code tx} on the pool, then runs {@code done} (at once if the pool has stopped).
     * Transactions submitted while the pool is busy wait in a queue, and whichever task runs next
     * takes up to {@link #CHUNK_TXS} of them as one batch: the busier the node, the bigger the
     * batches, and an idle node checks each transaction alone, at once.
     */
    void check(Transaction tx, Runnable done) {
        checkEach(List.of(tx), List.of(done));
    }

    /** {@link #check} for many, queued together so that the pool takes them as whole batches; {@code dones[i]} for {@code txs[i]}. */
    void checkEach(List<Transaction> txs, List<Runnable> dones) {
        for (int i = 0; i < txs.size(); i++) {
            submitted.add(new Submitted(txs.get(i), dones.get(i)));
        }
        waiting.addAndGet(txs.size());
        scheduleBatches(txs.size());
    }

    /** Enough pool tasks to take {@code txs} queued transactions as batches. */
    private void scheduleBatches(int txs) {
        for (int t = 0; t < (txs + CHUNK_TXS - 1) / CHUNK_TXS; t++) {
            run(false, this::checkSubmitted, this::releaseSubmitted);
        }
    }

    private record Submitted(Transaction tx, Runnable done) {}

    /**
     * A backlog batch: {@link #CHUNK_TXS}, or each thread's share of a longer backlog up to
     * {@link #BACKLOG_BATCH_MAX}, so every core still gets a share while batches grow with the backlog.
     */
    static int backlogBatchSize(int waiting, int threads) {
        return Math.max(CHUNK_TXS, Math.min(BACKLOG_BATCH_MAX, waiting / Math.max(1, threads)));
    }

    private void checkSubmitted() {
        int size = backlogBatchSize(waiting.get(), threads);
        List<Submitted> batch = new ArrayList<>(size);
        Submitted next;
        while (batch.size() < size && (next = submitted.poll()) != null) {
            batch.add(next);
        }
        waiting.addAndGet(-batch.size());
        if (batch.isEmpty()) {
            return; // an earlier task took this one's transaction into its batch
        }
        try {
            verifyAll(batch.stream().map(Submitted::tx).toList());
        } finally {
            batch.forEach(b -> b.done().run());
        }
    }

    /** The pool has stopped: nothing is checked, every waiting transaction goes on (the node checks it itself). */
    private void releaseSubmitted() {
        Submitted next;
        while ((next = submitted.poll()) != null) {
            waiting.decrementAndGet();
            next.done().run();
        }
    }

    /**
     * Decodes an inbound message on the pool, checks its signed payload (and a commit's seal) and the
     * signatures of every transaction it carries (a block's split across the pool's threads), then
     * hands the message (null if it does not decode) to {@code done}.
     */
    void decodeAndCheck(byte[] bytes, Consumer<Message> done) {
        boolean urgent = !MessageCodec.isTransactionGossip(bytes);
        run(urgent, () -> {
            Message message = null;
            try {
                message = MessageCodec.decode(bytes);
            } catch (MalformedMessageException | RuntimeException e) {
                // the consensus thread decodes it again and drops it
            }
            Message decoded = message;
            checkPayload(decoded);
            if (decoded instanceof TxGossip g) {
                // Gossiped transactions join the queue of submissions, so that they are checked in
                // batches with whatever else is waiting; the message goes on once all of its are.
                AtomicInteger left = new AtomicInteger(g.txs().size());
                Runnable one = () -> {
                    if (left.decrementAndGet() == 0) {
                        done.accept(decoded);
                    }
                };
                checkEach(g.txs(), java.util.Collections.nCopies(g.txs().size(), one));
                return;
            }
            checkAll(transactions(decoded), () -> done.accept(decoded));
        }, () -> done.accept(null));
    }

    /** A message's transactions, in chunks across the pool, ranked urgent (they wait only behind other urgent checks). */
    private void checkAll(List<Transaction> txs, Runnable done) {
        if (txs.size() <= CHUNK_TXS) {
            try {
                verifyAll(txs);
            } finally {
                done.run();
            }
            return;
        }
        int chunks = (txs.size() + CHUNK_TXS - 1) / CHUNK_TXS;
        AtomicInteger remaining = new AtomicInteger(chunks);
        Runnable chunkDone = () -> {
            if (remaining.decrementAndGet() == 0) {
                done.run();
            }
        };
        for (int c = 0; c < chunks; c++) {
            List<Transaction> chunk = txs.subList(c * CHUNK_TXS, Math.min(txs.size(), (c + 1) * CHUNK_TXS));
            run(true, () -> {
                try {
                    verifyAll(chunk);
                } finally {
                    chunkDone.run();
                }
            }, chunkDone);
        }
    }

    private void run(boolean urgent, Runnable task, Runnable ifRejected) {
        try {
            pool.execute(new Ranked(urgent, sequence.getAndIncrement(), task));
        } catch (RejectedExecutionException e) {
            ifRejected.run();
        }
    }

    /** The answers are not needed here: the verifier remembers them for the node's own checks. */
    private void verifyAll(List<Transaction> txs) {
        if (txs.isEmpty()) {
            return;
        }
        verifier.verifyEach(txs.stream()
                .map(SignatureVerifier.SignatureCheck::of)
                .toList());
    }

    /** The checks the consensus thread makes first on a QBFT message, with the same questions, so they are remembered. */
    private void checkPayload(Message message) {
        switch (message) {
            case null -> { }
            case Proposal p -> {
                p.payload().verify(chainId, verifier);
                checkVrf(p.block());
            }
            case Prepare p -> p.payload().verify(chainId, verifier);
            case Commit c -> {
                if (c.payload().verify(chainId, verifier)) {
                    verifier.verify(c.payload().signer(), Domains.commitSeal(c.payload().digest()), c.seal());
                }
            }
            case RoundChange rc -> rc.payload().verify(chainId, verifier);
            default -> { }
        }
    }

    private void checkVrf(Block block) {
        ValidatorSet set = validators;
        if (set != null && block.header().height() > 0) {
            try {
                HeaderVerifier.vrfOutput(block.header(), set, verifier);
            } catch (InvalidBlockException e) {
                // the consensus thread finds the same and refuses the block
            }
        }
    }

    /** The set deciding the height the node is at now; proposals for it get their VRF proof checked here. */
    void validators(ValidatorSet current) {
        this.validators = current;
    }

    private static List<Transaction> transactions(Message message) {
        return switch (message) {
            case null -> List.of();
            case Proposal p -> p.block().transactions();
            case RoundChange rc -> rc.preparedBlock().map(Block::transactions).orElse(List.of());
            case FinalBlock f -> f.block().block().transactions();
            default -> List.of();
        };
    }

    void shutdown() {
        pool.shutdown();
    }

    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(LedgerService.STOP_WAIT_MS, TimeUnit.MILLISECONDS);
    }
}
