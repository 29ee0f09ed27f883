package dev.metanode.consensus.runtime;

import dev.metanode.consensus.MessageSink;
import dev.metanode.consensus.NodeSettings;
import dev.metanode.consensus.SubmitResult;
import dev.metanode.consensus.ValidatorNode;
import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.mempool.Mempool;
import dev.metanode.consensus.payload.Message;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.vrf.VrfSecretKey;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.Ledger;
import dev.metanode.core.kernel.Service;
import dev.metanode.core.kernel.TxHandler;
import dev.metanode.core.ledger.CommittedBlock;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxInclusion;
import dev.metanode.core.store.KvStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link Ledger} port over one {@link ValidatorNode}. The node is not thread-safe, so a single
 * thread named {@value #THREAD_NAME} is its only caller: submissions, inbound messages, anchors,
 * timer wake-ups and queries are all handed to that thread. Final blocks complete submit futures
 * (on a completion thread, so callers' callbacks never run on the consensus thread) and go to
 * {@link #follow} listeners on a delivery thread (so a slow listener never stalls consensus).
 *
 * <p>Every queue is bounded: inbound messages beyond {@link #INBOUND_MESSAGES_MAX} are dropped and
 * counted (consensus tolerates lost messages), submissions beyond {@link #SUBMITS_QUEUED_MAX} fail as
 * {@code MEMPOOL_FULL}. Decisions use the injected {@link Clock}; the executor only wakes the thread.
 *
 * <p>Start once, stop once; to resume, build a new service over the same store.
 */
public final class LedgerService implements Ledger, Service {
    /** The name of the one thread that drives the node. */
    public static final String THREAD_NAME = "consensus";
    /** Inbound messages waiting for the consensus thread; more are dropped (and counted). */
    public static final int INBOUND_MESSAGES_MAX = 8_192;
    /** Submissions waiting for the consensus thread; the mempool cannot take more than this anyway. */
    public static final int SUBMITS_QUEUED_MAX = Mempool.TXS_MAX;
    /**
     * Checked submissions that wake the consensus thread while the pool is still checking others:
     * under load, transactions gather into blocks of at least this many instead of one block per
     * few checks (each block costs a VRF proof, signatures and a synced write). With nothing left to
     * check, the consensus thread is woken at once.
     */
    static final int SUBMITS_BATCH_MIN = 256;
    /** Inbound messages handled per task, so queued submissions and timers are not starved. */
    static final int INBOUND_BATCH_MAX = 256;
    /**
     * Longest sleep before re-reading the injected clock while a round deadline is pending, in ms: the
     * executor sleeps on the JVM's clock, which may disagree with the injected one (a test clock, or
     * a wall clock that was adjusted), so the deadline is re-checked at least this often.
     */
    static final long WAKE_DELAY_MS_MAX = 1_000;
    /** How long {@link #block} waits for the consensus thread, in ms. */
    static final long QUERY_TIMEOUT_MS = 5_000;
    /** How long {@link #stop} waits for queued work to finish, in ms. */
    static final long STOP_WAIT_MS = 10_000;

    private static final System.Logger LOG = System.getLogger(LedgerService.class.getName());

    private enum State { NEW, RUNNING, STOPPING, STOPPED }

    private final ValidatorNode node;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor consensus;
    private final ExecutorService completions;
    private final BlockDelivery delivery;
    private final PendingTxs pending;
    private final SignatureChecks checks;
    /**
     * Inbound messages in two lanes, each handled in arrival order once checked: the messages that
     * decide blocks, and gossiped transactions. A prepare never waits for the signatures of a
     * gossip batch that arrived before it (QBFT takes messages in any order; a proposal carries its
     * transactions, and gossip of a transaction already final is refused as such).
     */
    private final ArrayBlockingQueue<Inbound> inbound = new ArrayBlockingQueue<>(INBOUND_MESSAGES_MAX);
    private final ArrayBlockingQueue<Inbound> gossip = new ArrayBlockingQueue<>(INBOUND_MESSAGES_MAX);
    private final AtomicBoolean inboundScheduled = new AtomicBoolean();
    private final ArrayBlockingQueue<Submission> submissions = new ArrayBlockingQueue<>(SUBMITS_QUEUED_MAX);
    private final AtomicBoolean submitsScheduled = new AtomicBoolean();
    /** Submissions queued whose check has not finished, and checked ones the consensus thread has not taken. */
    private final AtomicInteger unchecked = new AtomicInteger();
    private final AtomicInteger checkedWaiting = new AtomicInteger();
    private final AtomicLong droppedMessages = new AtomicLong();
    private volatile State state = State.NEW;
    private volatile long committedHeight;
    private volatile HeightInfo heightInfo;
    private volatile int mempoolSize;
    private volatile int round;
    /** The pending wake-up and the deadline it was set for; consensus thread only. */
    private ScheduledFuture<?> wake;
    private long wakeFor;

    /**
     * @param settings the chain (genesis) and round pacing, e.g. {@code NodeSettings.of(genesis)}
     * @param store    declares {@code ConsensusColumns.NAMES}; the caller opens and closes it
     * @param key      this validator's signing key (its VRF key is derived from it)
     * @param clock    time for every consensus decision
     * @param sink     outbound messages ({@link MessageSink#NONE} for a single validator)
     * @param handlers the modules' transaction handlers
     */
    public LedgerService(NodeSettings settings, KvStore store, SigningKey key, Clock clock, MessageSink sink,
            List<TxHandler> handlers) {
        this.node = new ValidatorNode(settings, store, key, clock, sink, handlers);
        this.clock = clock;
        this.consensus = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().name(THREAD_NAME).daemon(true)
                .priority(Thread.MAX_PRIORITY).unstarted(r));
        this.consensus.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.consensus.setRemoveOnCancelPolicy(true);
        this.completions = Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().name(THREAD_NAME + "-completions").daemon(true).unstarted(r));
        this.pending = new PendingTxs(completions);
        this.delivery = new BlockDelivery(THREAD_NAME + "-delivery", this::readCommitted);
        this.checks = new SignatureChecks(settings.genesis().chainId(), settings.verifier(), THREAD_NAME + "-verify");
    }

    /** The genesis entry for {@code key}: its public key, the VRF key derived from it, and {@code power}. */
    public static Validator validatorOf(SigningKey key, long power) {
        return new Validator(key.publicKey(), VrfSecretKey.derive(key).publicKey(), power);
    }

    @Override
    public String name() {
        return "ledger";
    }

    /** Opens the chain (genesis on first start, resume otherwise) on the consensus thread and waits for it. */
    @Override
    public synchronized void start() throws Exception {
        if (state != State.NEW) {
            throw new IllegalStateException("a LedgerService starts once; build a new one over the same store");
        }
        try {
            consensus.submit(() -> {
                node.addListener(this::committed);
                node.start();
                committedHeight = node.height();
                delivery.start(node.height());
                afterEvent();
                return null;
            }).get();
        } catch (ExecutionException e) {
            shutdownThreads();
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        state = State.RUNNING;
    }

    /**
     * Stops taking work, lets queued work finish, fails futures still waiting with an
     * {@link IllegalStateException}, delivers blocks already final to followers, and ends all threads.
     * Does not close the store.
     */
    @Override
    public synchronized void stop() throws Exception {
        if (state != State.RUNNING) {
            state = State.STOPPED;
            shutdownThreads();
            return;
        }
        state = State.STOPPING;
        try {
            consensus.execute(guarded(() -> {
                drainInbound();
                while (!submissions.isEmpty()) {
                    drainSubmissions(true);
                }
            }));
        } catch (RejectedExecutionException ignored) {
            // already shut down
        }
        consensus.shutdown();
        if (!consensus.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "consensus thread still busy after {0} ms", STOP_WAIT_MS);
            consensus.shutdownNow();
        }
        // The consensus thread has ended (or was abandoned): nothing else touches pending now.
        for (Submission s = submissions.poll(); s != null; s = submissions.poll()) {
            s.future.completeExceptionally(new IllegalStateException("the ledger stopped"));
        }
        pending.failAll(new IllegalStateException("the ledger stopped before the transaction was final"));
        checks.stop();
        delivery.stop();
        completions.shutdown();
        completions.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        state = State.STOPPED;
    }

    /**
     * {@inheritDoc} Refusals fail with {@link SubmitRefusedException} ({@code REJECTED}, {@code
     * MEMPOOL_FULL}); a transaction that is already final completes with its inclusion; one already
     * waiting (submitted here or gossiped by a peer) completes with the same inclusion.
     */
    @Override
    public CompletableFuture<TxInclusion> submit(Transaction tx) {
        return submitAll(List.of(tx)).get(0);
    }

    /**
     * {@link #submit} for many transactions at once (a client's batch): their signatures are checked
     * as whole batches on the pool, rather than as whatever one-at-a-time submissions happened to
     * queue up before a pool task ran. Futures in the order of {@code txs}.
     */
    public List<CompletableFuture<TxInclusion>> submitAll(List<Transaction> txs) {
        List<CompletableFuture<TxInclusion>> futures = new ArrayList<>(txs.size());
        List<Transaction> accepted = new ArrayList<>(txs.size());
        List<Submission> queued = new ArrayList<>(txs.size());
        for (Transaction tx : txs) {
            if (state != State.RUNNING) {
                futures.add(CompletableFuture.failedFuture(new IllegalStateException("the ledger is not running")));
                continue;
            }
            Submission submission = new Submission(tx, new CompletableFuture<>());
            if (!submissions.offer(submission)) {
                futures.add(CompletableFuture.failedFuture(new SubmitRefusedException(SubmitResult.Status.MEMPOOL_FULL,
                        "more than " + SUBMITS_QUEUED_MAX + " submissions queued")));
                continue;
            }
            futures.add(submission.future);
            accepted.add(tx);
            queued.add(submission);
        }
        // Signatures are checked on the pool; the consensus thread takes submissions in order, once checked.
        unchecked.addAndGet(queued.size());
        checks.checkEach(accepted, queued.stream().<Runnable>map(submission -> () -> {
            submission.checked = true;
            int waiting = checkedWaiting.incrementAndGet();
            if (unchecked.decrementAndGet() == 0 || waiting >= SUBMITS_BATCH_MIN) {
                submissionsReady();
            }
        }).toList());
        return futures;
    }

    private void submissionsReady() {
        if (submitsScheduled.compareAndSet(false, true)) {
            try {
                consensus.execute(guarded(() -> drainSubmissions(false)));
            } catch (RejectedExecutionException e) {
                submitsScheduled.set(false); // stopping: stop() settles what is queued
            }
        }
    }

    @Override
    public Subscription follow(BlockListener listener) {
        return delivery.follow(listener);
    }

    @Override
    public long height() {
        return committedHeight;
    }

    /**
     * An authenticated inbound message from the transport. Never blocks: returns false if the message
     * was dropped because the inbound queue is full or the service is not running.
     */
    public boolean deliver(PublicKey from, byte[] message) {
        Inbound m = new Inbound(from, message);
        ArrayBlockingQueue<Inbound> lane = MessageCodec.isTransactionGossip(message) ? gossip : inbound;
        if (state != State.RUNNING || !lane.offer(m)) {
            droppedMessages.incrementAndGet();
            return false;
        }
        // Decoded and its signatures checked on the pool; handled in arrival order once ready.
        checks.decodeAndCheck(message, decoded -> {
            m.decoded = decoded;
            m.ready = true;
            inboundReady();
        });
        return true;
    }

    private void inboundReady() {
        if (inboundScheduled.compareAndSet(false, true)) {
            try {
                consensus.execute(guarded(this::drainInboundBatch));
            } catch (RejectedExecutionException e) {
                inboundScheduled.set(false); // stopping
            }
        }
    }

    /** A receipt-log checkpoint (signed note text) to anchor in the next block. */
    public void anchor(String signedCheckpoint) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("the ledger is not running");
        }
        consensus.execute(guarded(() -> node.anchor(signedCheckpoint)));
    }

    /** A snapshot as of the last event the consensus thread handled; never waits for that thread. */
    public ChainStatus status() {
        HeightInfo info = heightInfo;
        if (info == null) {
            return new ChainStatus(0, "", "", List.of(), 0, 0, droppedMessages.get());
        }
        return new ChainStatus(info.height, info.hash, info.proposer, info.validators, mempoolSize, round,
                droppedMessages.get());
    }

    /** The final block at {@code height} with its seals, or empty if there is none (yet). */
    public Optional<BlockView> block(long height) {
        return query(() -> node.block(height).map(BlockView::of));
    }

    /** The final block's header with its commit seals: what a light client checks. */
    public Optional<dev.metanode.consensus.chain.SealedHeader> sealedHeader(long height) {
        return query(() -> node.sealedHeader(height));
    }

    /**
     * The validator-set changes a light client follows from genesis to trust the block at {@code height}:
     * for each, the first header naming the new set, with its seals, and the set.
     */
    public List<dev.metanode.consensus.light.AnchorVerifier.SealedStep> validatorChangesThrough(long height) {
        return query(() -> Optional.of(node.setChangesThrough(height).stream().map(change -> {
            var block = node.block(change.height()).orElseThrow(() -> new IllegalStateException(
                    "no final block at height " + change.height() + ", where a validator set took over"));
            return new dev.metanode.consensus.light.AnchorVerifier.SealedStep(
                    new dev.metanode.consensus.chain.SealedHeader(block.header(), block.seals()), change.validators());
        }).toList())).orElseThrow(() -> new IllegalStateException("the ledger has stopped"));
    }

    /** This validator's public key. */
    public PublicKey publicKey() {
        return node.publicKey();
    }

    // ---- consensus thread ------------------------------------------------------------------

    /**
     * Takes the queued submissions in one go (up to a block's worth), so that transactions that queued
     * up while the node was busy share a block: one block per transaction would make latency grow with load.
     */
    private void drainSubmissions(boolean evenUnchecked) {
        submitsScheduled.set(false);
        List<Transaction> batch = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Block.TXS_MAX; i++) {
            Submission s = submissions.peek();
            if (s == null || !(s.checked || evenUnchecked)) {
                break; // the pool schedules another drain when it has checked the head
            }
            submissions.poll();
            if (s.checked) {
                checkedWaiting.decrementAndGet();
            }
            if (register(s)) {
                batch.add(s.tx);
                ids.add(s.tx.idHex());
            }
        }
        Submission next = submissions.peek();
        if (next != null && next.checked && submitsScheduled.compareAndSet(false, true)) {
            later(() -> drainSubmissions(false));
        }
        if (batch.isEmpty()) {
            return;
        }
        List<SubmitResult> results;
        try {
            results = node.submitAll(batch);
        } catch (RuntimeException e) {
            ids.forEach(id -> Optional.ofNullable(pending.remove(id)).ifPresent(f -> fail(f, e)));
            throw e;
        }
        for (int i = 0; i < results.size(); i++) {
            settle(ids.get(i), results.get(i));
        }
    }

    /**
     * Registers the submission's future before the node sees the transaction (a single validator
     * commits inside the call). False if it needs no submission: it joined a future already waiting.
     */
    private boolean register(Submission s) {
        String id = s.tx.idHex();
        CompletableFuture<TxInclusion> waiting = pending.get(id);
        if (waiting != null) {
            waiting.whenComplete((inclusion, error) -> {
                if (error != null) {
                    s.future.completeExceptionally(error);
                } else {
                    s.future.complete(inclusion);
                }
            });
            return false;
        }
        if (pending.full()) {
            fail(s.future, new SubmitRefusedException(SubmitResult.Status.MEMPOOL_FULL,
                    PendingTxs.PENDING_MAX + " transactions already waiting"));
            return false;
        }
        pending.add(id, s.future);
        return true;
    }

    /** Completes or fails a submission the node did not accept for ordering. */
    private void settle(String id, SubmitResult result) {
        switch (result.status()) {
            case ACCEPTED, DUPLICATE -> { } // waits for its block; a gossiped duplicate gets the same inclusion
            case ALREADY_FINAL -> {
                CompletableFuture<TxInclusion> future = pending.remove(id);
                TxInclusion inclusion = result.inclusion().orElseThrow();
                if (future != null) {
                    completions.execute(() -> future.complete(inclusion));
                }
            }
            case REJECTED, MEMPOOL_FULL -> {
                CompletableFuture<TxInclusion> future = pending.remove(id);
                if (future != null) {
                    fail(future, new SubmitRefusedException(result.status(), result.reason()));
                }
            }
        }
    }

    private void fail(CompletableFuture<TxInclusion> future, RuntimeException reason) {
        completions.execute(() -> future.completeExceptionally(reason));
    }

    private void committed(CommittedBlock block) {
        committedHeight = block.height();
        pending.committed(block);
        delivery.published(block);
    }

    /** Handles the ready heads of both lanes, the block-deciding one first, up to a batch's worth. */
    private void drainInboundBatch() {
        inboundScheduled.set(false);
        int handled = drainReady(inbound, INBOUND_BATCH_MAX);
        drainReady(gossip, INBOUND_BATCH_MAX - handled);
        // More left: queue another batch behind whatever else is waiting. A head not yet ready is
        // the pool's to announce when it is.
        if ((readyHead(inbound) || readyHead(gossip)) && inboundScheduled.compareAndSet(false, true)) {
            later(this::drainInboundBatch);
        }
    }

    private int drainReady(ArrayBlockingQueue<Inbound> lane, int max) {
        int handled = 0;
        while (handled < max && readyHead(lane)) {
            handle(lane.poll());
            handled++;
        }
        return handled;
    }

    private static boolean readyHead(ArrayBlockingQueue<Inbound> lane) {
        Inbound head = lane.peek();
        return head != null && head.ready;
    }

    private void drainInbound() {
        for (Inbound m = inbound.poll(); m != null; m = inbound.poll()) {
            handle(m);
        }
        for (Inbound m = gossip.poll(); m != null; m = gossip.poll()) {
            handle(m);
        }
    }

    private void handle(Inbound m) {
        Message decoded = m.ready ? m.decoded : null;
        if (decoded != null) {
            node.onMessage(m.from, decoded);
        } else {
            node.onMessage(m.from, m.bytes);
        }
    }

    /** Runs after every event: fires a due timer, re-arms the wake-up, refreshes the snapshot. */
    private void afterEvent() {
        if (clock.millis() >= node.nextWakeMillis()) {
            node.onTimer();
        }
        scheduleWake();
        publishSnapshot();
    }

    private void scheduleWake() {
        long deadline = node.nextWakeMillis();
        if (wake != null && !wake.isDone() && wakeFor == deadline) {
            return;
        }
        if (wake != null) {
            wake.cancel(false);
            wake = null;
        }
        if (deadline == Long.MAX_VALUE || consensus.isShutdown()) {
            return; // idle: nothing to wake for
        }
        // At least 1 ms, so a deadline the node did not move cannot turn into a busy loop.
        long delay = Math.clamp(deadline - clock.millis(), 1, WAKE_DELAY_MS_MAX);
        wakeFor = deadline;
        wake = consensus.schedule(guarded(() -> wake = null), delay, TimeUnit.MILLISECONDS);
    }

    private void publishSnapshot() {
        long h = node.height();
        HeightInfo info = heightInfo;
        if (info == null || info.height != h) {
            Optional<SealedBlock> last = node.lastBlock();
            List<ChainStatus.ValidatorPower> validators = new ArrayList<>();
            node.validators().validators().forEach(v -> validators.add(new ChainStatus.ValidatorPower(v.key().base64(), v.power())));
            heightInfo = new HeightInfo(h,
                    last.map(b -> Base64.getEncoder().encodeToString(b.block().hash())).orElse(""),
                    last.map(b -> b.header().proposer().base64()).orElse(""), List.copyOf(validators));
        }
        mempoolSize = node.mempoolSize();
        round = node.round();
        checks.validators(node.validators());
    }

    /** Queues more work behind what is waiting; while stopping, the stop task drains the queues itself. */
    private void later(Runnable task) {
        if (!consensus.isShutdown()) {
            consensus.execute(guarded(task));
        }
    }

    /** Wraps a task so that every event ends with {@link #afterEvent} and a bug is logged, not lost. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
                afterEvent();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "consensus task failed", e);
            }
        };
    }

    /** A final block read back by height, for the delivery thread when its queue overflowed. */
    private Optional<CommittedBlock> readCommitted(long h) {
        return query(() -> node.block(h).map(b -> {
            List<TxInclusion> outcomes = b.block().transactions().stream()
                    .map(tx -> node.inclusion(tx.id()).orElseThrow()).toList();
            return new CommittedBlock(h, b.block().hash(), b.header().timestampMillis(), b.block().transactions(), outcomes);
        }));
    }

    /** Runs a read on the consensus thread, or directly once that thread has ended (no one else uses the node). */
    private <T> Optional<T> query(Callable<Optional<T>> read) {
        try {
            if (consensus.isTerminated() || state == State.NEW) {
                return read.call();
            }
            return consensus.submit(read).get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (TimeoutException e) {
            throw new IllegalStateException("consensus thread busy for more than " + QUERY_TIMEOUT_MS + " ms", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("read failed", e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("read failed", e);
        }
    }

    private void shutdownThreads() {
        consensus.shutdownNow();
        checks.shutdown();
        completions.shutdown();
    }

    /** A queued submission; {@code checked} once the pool has checked its signature. */
    private static final class Submission {
        final Transaction tx;
        final CompletableFuture<TxInclusion> future;
        volatile boolean checked;

        Submission(Transaction tx, CompletableFuture<TxInclusion> future) {
            this.tx = tx;
            this.future = future;
        }
    }

    /** A queued inbound message; {@code ready} once the pool has decoded it and checked its transactions. */
    private static final class Inbound {
        final PublicKey from;
        final byte[] bytes;
        volatile Message decoded;
        volatile boolean ready;

        Inbound(PublicKey from, byte[] bytes) {
            this.from = from;
            this.bytes = bytes;
        }
    }

    private record HeightInfo(long height, String hash, String proposer, List<ChainStatus.ValidatorPower> validators) {}
}
