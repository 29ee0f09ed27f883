package dev.metanode.consensus;

import dev.metanode.consensus.chain.Block;
import dev.metanode.consensus.chain.BlockHeader;
import dev.metanode.consensus.chain.SealedBlock;
import dev.metanode.consensus.mempool.Mempool;
import dev.metanode.consensus.payload.BlockRequest;
import dev.metanode.consensus.payload.CheckpointGossip;
import dev.metanode.consensus.payload.Commit;
import dev.metanode.consensus.payload.FinalBlock;
import dev.metanode.consensus.payload.Message;
import dev.metanode.consensus.payload.MessageCodec;
import dev.metanode.consensus.payload.Prepare;
import dev.metanode.consensus.payload.Proposal;
import dev.metanode.consensus.payload.RoundChange;
import dev.metanode.consensus.payload.SignedPayload;
import dev.metanode.consensus.payload.TxGossip;
import dev.metanode.consensus.state.BlockExecutor;
import dev.metanode.consensus.state.ChainStore;
import dev.metanode.consensus.state.ExecutionResult;
import dev.metanode.consensus.state.HandlerRegistry;
import dev.metanode.consensus.state.SigningGuard;
import dev.metanode.consensus.statemachine.BlockBuilder;
import dev.metanode.consensus.statemachine.QbftHeight;
import dev.metanode.consensus.validation.BlockValidator;
import dev.metanode.consensus.validation.HeightContext;
import dev.metanode.consensus.vrf.VrfSecretKey;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.TxHandler;
import dev.metanode.core.ledger.CommittedBlock;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.store.KvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One validator: the entry point the daemon (through {@link dev.metanode.consensus.runtime.LedgerService}) and the simulator drive.
 * Feed it inbound messages ({@link #onMessage}), transactions ({@link #submit}) and timer wake-ups
 * ({@link #onTimer} at {@link #nextWakeMillis}); it sends through the {@link MessageSink} and keeps
 * everything it must not forget in the {@link KvStore}. Not thread-safe: call it from one thread.
 */
public final class ValidatorNode {
    /** Anchored checkpoints remembered against duplicates: several blocks' worth. */
    static final int RECENTLY_ANCHORED_MAX = 16 * BlockHeader.CHECKPOINTS_MAX;
    private final NodeSettings settings;
    private final ChainStore chain;
    private final SigningGuard guard;
    private final SigningKey key;
    private final Clock clock;
    private final MessageSink sink;
    private final HandlerRegistry handlers;
    private final BlockValidator validator;
    private final BlockBuilder builder;
    private final Mempool mempool = new Mempool();
    private final FutureMessages future = new FutureMessages();
    private final NodeCatchUp catchUp;
    private final NodeTransactions transactions;
    private final QuietProposers quietProposers = new QuietProposers();
    private final List<String> checkpoints = new ArrayList<>();
    /** Checkpoints final blocks anchored lately, so a late gossip copy does not anchor one twice. */
    private final java.util.SequencedSet<String> recentlyAnchored = new java.util.LinkedHashSet<>();
    private final List<Consumer<CommittedBlock>> listeners = new ArrayList<>();
    private QbftHeight height;
    private SealedBlock pendingBlock;
    /** The last block this node committed (null until it commits one; then read from the store on demand). */
    private SealedBlock lastBlock;
    private ExecutionResult pendingExecution;

    public ValidatorNode(NodeSettings settings, KvStore store, SigningKey key, Clock clock, MessageSink sink,
            List<TxHandler> txHandlers) {
        this.settings = settings;
        this.chain = new ChainStore(store);
        this.guard = new SigningGuard(store);
        this.key = key;
        this.clock = clock;
        this.sink = sink;
        this.handlers = new HandlerRegistry(chainId(), txHandlers, settings.verifier());
        BlockExecutor executor = new BlockExecutor(store, handlers);
        this.validator = new BlockValidator(chain, handlers, executor, settings.verifier(), tx -> mempool.contains(tx.id()));
        this.builder = new BlockBuilder(key.publicKey(), VrfSecretKey.derive(key), executor);
        this.catchUp = new NodeCatchUp(this);
        this.transactions = new NodeTransactions(this);
    }

    /** Opens the chain (writing genesis on first start) and resumes where the store left off. */
    public void start() {
        chain.initialise(settings.genesis());
        beginHeight(HeightContexts.next(chain, settings.genesis()));
        drain();
        // Peers may have gone on while this node was down: ask, rather than wait for the next round.
        catchUp.behind(null);
    }

    /** An encoded message from {@code peer} (as the transport authenticated it). Malformed input is dropped. */
    public void onMessage(PublicKey peer, byte[] bytes) {
        Message message;
        try {
            message = MessageCodec.decode(bytes);
        } catch (dev.metanode.consensus.codec.MalformedMessageException | IllegalArgumentException e) {
            return;
        }
        dispatch(peer, message);
        drain();
    }

    /** A message from {@code peer} that the runtime already decoded (e.g. off the consensus thread). */
    public void onMessage(PublicKey peer, Message message) {
        dispatch(peer, message);
        drain();
    }

    /** A transaction from a local client: checked, queued and gossiped. */
    public SubmitResult submit(Transaction tx) {
        SubmitResult result = transactions.submit(tx, true);
        transactions.gossip();
        drain();
        return result;
    }

    /**
     * Several local transactions at once, e.g. what queued up while the node was busy: all are
     * admitted before the final block is applied, so they share the next block instead of one block each.
     */
    public List<SubmitResult> submitAll(List<Transaction> txs) {
        List<SubmitResult> results = transactions.submitAll(txs, true);
        transactions.gossip();
        drain();
        return results;
    }

    /** A receipt-log checkpoint (signed note text) to anchor in the next block. */
    public void anchor(String signedCheckpoint) {
        if (addCheckpoint(signedCheckpoint)) {
            // Whoever proposes next anchors it, not only this node when its turn comes.
            sink.broadcast(MessageCodec.encode(new CheckpointGossip(signedCheckpoint)));
            drain();
        }
    }

    private boolean addCheckpoint(String signedCheckpoint) {
        if (checkpoints.size() >= BlockHeader.CHECKPOINTS_MAX || checkpoints.contains(signedCheckpoint)
                || recentlyAnchored.contains(signedCheckpoint)) {
            return false;
        }
        checkpoints.add(signedCheckpoint);
        height.onWork();
        return true;
    }

    public void onTimer() {
        long now = clock.millis();
        height.onTimer(now);
        catchUp.onTimer(now);
        drain();
    }

    /** When {@link #onTimer} should next be called; {@link Long#MAX_VALUE} while idle. */
    public long nextWakeMillis() {
        return Math.min(height.deadline(), catchUp.deadline());
    }

    public void addListener(Consumer<CommittedBlock> listener) {
        listeners.add(listener);
    }

    /** The last final height. */
    public long height() {
        return chain.height();
    }

    public Optional<SealedBlock> block(long h) {
        return chain.block(h);
    }

    public Optional<dev.metanode.consensus.chain.SealedHeader> sealedHeader(long h) {
        return chain.sealedHeader(h);
    }

    /** The validator-set changes since genesis in force at or before height {@code h}, oldest first. */
    public java.util.List<ChainStore.SetChange> setChangesThrough(long h) {
        return chain.setChangesThrough(h);
    }

    /** The last final block, without reading it back from the store when this node committed it. */
    public Optional<SealedBlock> lastBlock() {
        long h = chain.height();
        if (lastBlock != null && lastBlock.header().height() == h) {
            return Optional.of(lastBlock);
        }
        return h == 0 ? Optional.empty() : chain.block(h);
    }

    public int round() {
        return height.round();
    }

    /** Transactions waiting to be ordered. */
    public int mempoolSize() {
        return mempool.size();
    }

    /** The validator set deciding the current (not yet final) height. */
    public dev.metanode.consensus.chain.ValidatorSet validators() {
        return height.context().validators();
    }

    QuietProposers quietProposers() {
        return quietProposers;
    }

    public PublicKey publicKey() {
        return key.publicKey();
    }

    public Optional<dev.metanode.core.ledger.TxInclusion> inclusion(byte[] txId) {
        return chain.inclusion(txId);
    }

    public byte[] vrfPublicKey() {
        return VrfSecretKey.derive(key).publicKey();
    }

    void dispatch(PublicKey peer, Message message) {
        switch (message) {
            case TxGossip g -> transactions.submitAll(g.txs(), false);
            case BlockRequest r -> catchUp.onRequest(peer, r.height());
            case FinalBlock f -> catchUp.onFinalBlock(peer, f.block());
            case CheckpointGossip c -> addCheckpoint(c.checkpoint());
            case Proposal p -> route(peer, p.payload(), message, () -> height.onProposal(p));
            case Prepare p -> route(peer, p.payload(), message, () -> height.onPrepare(p));
            case Commit c -> route(peer, c.payload(), message, () -> height.onCommit(c));
            case RoundChange rc -> route(peer, rc.payload(), message, () -> height.onRoundChange(rc));
        }
    }

    private void route(PublicKey peer, SignedPayload payload, Message message, Runnable handle) {
        long current = height.height();
        if (payload.height() >= current) {
            catchUp.heard(peer, payload.height());
        }
        if (payload.height() == current) {
            if (height.context().validators().contains(payload.signer()) && payload.verify(chainId(), settings.verifier())) {
                quietProposers.heard(payload.signer(), clock.millis());
                height.onWork();
            }
            handle.run();
        } else if (payload.height() > current) {
            if (height.context().validators().contains(payload.signer())
                    && payload.verify(chainId(), settings.verifier())) {
                quietProposers.heard(payload.signer(), clock.millis());
                future.add(current, payload.height(), payload.signer(), message);
                catchUp.behind(peer);
            }
        } else {
            // Offered even to a peer only one height behind (after a short grace): it may have lost
            // a commit (a full inbound queue drops messages), and with one validator down the quorum
            // needs it. Waiting for its round timer instead stalled a 3-of-4 network for seconds.
            catchUp.offer(peer, payload.height(), message instanceof RoundChange);
        }
    }

    /** Called by the height's host when a block is final; applied after the current event. */
    void finalised(SealedBlock block, ExecutionResult execution) {
        if (pendingBlock == null && block.header().height() == height.height()) {
            pendingBlock = block;
            pendingExecution = execution;
        }
    }

    /** Commits final blocks and moves to the next height until nothing more is ready. */
    private void drain() {
        while (pendingBlock != null) {
            SealedBlock block = pendingBlock;
            ExecutionResult execution = pendingExecution;
            pendingBlock = null;
            chain.commit(block, execution, guard.forget(block.header().height()));
            lastBlock = block;
            mempool.removeAll(block.block().transactions());
            checkpoints.removeAll(block.header().checkpoints());
            rememberAnchored(block.header().checkpoints());
            beginHeight(HeightContexts.after(chainId(), block, execution.nextValidators()));
            CommittedBlock committed = new CommittedBlock(block.header().height(), block.block().hash(),
                    block.header().timestampMillis(), block.block().transactions(), execution.outcomes());
            listeners.forEach(l -> l.accept(committed));
            for (Message m : future.take(height.height())) {
                dispatch(null, m);
            }
            if (future.hasAbove(height.height())) {
                catchUp.behind(null);
            }
            catchUp.committed();
        }
    }

    private void rememberAnchored(List<String> anchored) {
        recentlyAnchored.addAll(anchored);
        while (recentlyAnchored.size() > RECENTLY_ANCHORED_MAX) {
            recentlyAnchored.removeFirst();
        }
    }

    private void beginHeight(HeightContext context) {
        height = new QbftHeight(context, new NodeHost(this, key, context.height()), settings.timer(), settings.verifier());
        height.start(guard.lastRound(context.height()), guard.loadPrepared(context.height()));
    }

    void reportEquivocation(SignedPayload first, SignedPayload second) {
        transactions.reportEquivocation(first, second);
    }

    void requestBlock(PublicKey peer) {
        catchUp.behind(peer);
    }

    void regossip() {
        transactions.regossip();
    }

    String chainId() {
        return settings.genesis().chainId();
    }

    Clock clock() {
        return clock;
    }

    MessageSink sink() {
        return sink;
    }

    SigningGuard guard() {
        return guard;
    }

    ChainStore chain() {
        return chain;
    }

    HandlerRegistry handlers() {
        return handlers;
    }

    BlockBuilder builder() {
        return builder;
    }

    BlockValidator validator() {
        return validator;
    }

    Mempool mempool() {
        return mempool;
    }

    QbftHeight current() {
        return height;
    }

    HeightContext context() {
        return height.context();
    }

    NodeSettings settings() {
        return settings;
    }

    SigningKey key() {
        return key;
    }

    List<String> pendingCheckpoints() {
        return List.copyOf(checkpoints);
    }
}
