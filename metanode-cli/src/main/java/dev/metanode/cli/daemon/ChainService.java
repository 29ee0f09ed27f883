package dev.metanode.cli.daemon;

import dev.metanode.cli.home.GenesisFile;
import dev.metanode.cli.home.NodeHome;
import dev.metanode.consensus.NodeSettings;
import dev.metanode.consensus.MessageSink;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.runtime.LedgerService;
import dev.metanode.core.config.NodeConfig;
import dev.metanode.core.config.PeerAddress;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.Service;
import dev.metanode.consensus.chain.SealedHeader;
import dev.metanode.consensus.light.AnchorVerifier;
import dev.metanode.consensus.light.GenesisJson;
import dev.metanode.consensus.notary.NotaryModule;
import dev.metanode.core.log.NoteVerifierKey;
import dev.metanode.core.log.ProofBundle;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.LoggedReceipt;
import dev.metanode.core.store.KvStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's chain: by default the embedded one with this node as its only validator, genesis fixed
 * at the first start in {@code genesis.json}; or, when genesis.json lists several validators (see
 * {@code metanode testnet init}), a BFT chain with them over the peer transport. Every receipt-log
 * checkpoint is anchored in a block. It starts in
 * the background, after the API is up, because the first start of the consensus code costs
 * seconds of class loading that {@code metanode start} should not wait for.
 */
public final class ChainService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ChainService.class);
    private final LedgerService ledger;
    private final Genesis genesis;
    private final AnchorIndex anchors;
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    /**
     * @param peers the transport; a chain with more than one validator talks over it, so every
     *              other validator must be among metanode.yaml's net.peers
     */
    private volatile java.util.function.Consumer<dev.metanode.core.ledger.CommittedBlock> blockEvents = b -> { };

    public ChainService(NodeHome home, NodeConfig config, SigningKey key, KvStore store, PeerRoutes peers)
            throws IOException {
        this.anchors = new AnchorIndex(store, NoteVerifierKey.of(config.checkpointOrigin(), key.publicKey()));
        this.genesis = GenesisFile.readOrCreate(home.genesis(), config.chainId(), key, Clock.SYSTEM.millis());
        ValidatorSet validators = genesis.validators();
        if (!validators.contains(key.publicKey())) {
            throw new IllegalStateException("this node (" + key.publicKey().fingerprint() + ") is not a validator in "
                    + home.genesis() + " (validators: " + GenesisFile.describe(validators) + ")");
        }
        MessageSink sink = MessageSink.NONE;
        if (validators.size() > 1) {
            Set<PublicKey> configured = config.peers().stream().map(PeerAddress::key).collect(Collectors.toSet());
            List<String> missing = validators.validators().stream().map(v -> v.key())
                    .filter(k -> !k.equals(key.publicKey()) && !configured.contains(k)).map(PublicKey::fingerprint).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("validators " + missing + " of " + home.genesis()
                        + " are not in metanode.yaml's net.peers: this node could not reach them");
            }
            sink = new ConsensusLink(peers);
        }
        this.ledger = new LedgerService(NodeSettings.of(genesis), store, key, Clock.SYSTEM, sink, List.of(new NotaryModule()));
        if (validators.size() > 1) {
            peers.subscribe(ConsensusLink.TYPE, (from, message) -> ledger.deliver(from, message.payload()));
        }
    }

    /** The chain's genesis: what a light client trusts. */
    public Genesis genesis() {
        return genesis;
    }

    /** The running ledger, or empty while it starts (or if it failed to). */
    public Optional<LedgerService> ledger() {
        return started.isDone() && !started.isCompletedExceptionally() ? Optional.of(ledger) : Optional.empty();
    }

    @Override
    public String name() {
        return "chain";
    }

    /** Starts consensus on its own thread and returns at once; anchors wait until it runs. */
    @Override
    public void start() {
        Thread.ofPlatform().name("chain-start").daemon(true).start(() -> {
            try {
                ledger.start();
                started.complete(null);
                ledger.follow(block -> {
                    indexAnchors(block.height());
                    blockEvents.accept(block);
                });
                for (long h = anchors.indexedThrough() + 1; h <= ledger.height(); h++) {
                    indexAnchors(h); // blocks committed while the index was not written (a crash)
                }
                LOG.info("chain {} running at height {}", ledger.status().lastBlockHash(), ledger.height());
            } catch (Exception e) {
                LOG.error("consensus did not start: {}", e.toString());
                started.completeExceptionally(e);
            }
        });
    }

    /** Called on the consensus thread with each final block from start on; it must only queue. */
    public void onBlock(java.util.function.Consumer<dev.metanode.core.ledger.CommittedBlock> listener) {
        this.blockEvents = listener;
    }

    /** Anchors every checkpoint the log signs from now on. */
    public void anchorCheckpointsOf(StoredReceiptLog log) {
        log.onCheckpoint(note -> started.thenRun(() -> ledger.anchor(note)));
        log.latestCheckpoint().ifPresent(note -> started.thenRun(() -> ledger.anchor(note)));
    }

    private void indexAnchors(long height) {
        try {
            ledger.sealedHeader(height).ifPresent(s -> anchors.index(height, s.header().checkpoints()));
        } catch (RuntimeException e) {
            LOG.warn("anchor index not updated for block {}: {}", height, e.getMessage());
        }
    }

    /**
     * The bundle for a receipt, led to the first of this node's checkpoints a block anchored, with that
     * block's sealed header; empty if no block anchors one yet (the caller falls back to the newest checkpoint).
     */
    public Optional<ProofBundle> anchoredBundle(StoredReceiptLog log, LoggedReceipt receipt) {
        Optional<LedgerService> running = ledger();
        Optional<AnchorIndex.Anchor> anchor = anchors.covering(receipt.index());
        if (running.isEmpty() || anchor.isEmpty()) {
            return Optional.empty();
        }
        SealedHeader sealed = running.get().sealedHeader(anchor.get().height()).orElse(null);
        if (sealed == null) {
            return Optional.empty();
        }
        String note = sealed.header().checkpoints().stream().filter(n -> anchors.sizeIfOwn(n) == anchor.get().treeSize())
                .findFirst().orElse(null);
        if (note == null) {
            return Optional.empty();
        }
        long size = anchor.get().treeSize();
        // The sets that took over since genesis, so an offline verifier trusting only the genesis
        // can follow them to the set that sealed this header.
        var json = AnchorVerifier.toJson(sealed, running.get().validatorChangesThrough(sealed.header().height()));
        json.set("genesis", GenesisJson.toJson(genesis));
        return Optional.of(ProofBundle.of(receipt, size, log.inclusionProof(receipt.index(), size), note).withAnchor(json));
    }

    @Override
    public void stop() throws Exception {
        if (started.isDone() && !started.isCompletedExceptionally()) {
            ledger.stop();
        }
    }

    public void register(Router router) {
        new ChainTxRoutes(this::running).register(router);
        router.add("GET", "/api/v1/chain/status", r -> ApiResponse.json(running().status()));
        router.add("GET", "/api/v1/chain/blocks/{height}", r -> {
            long height = parseHeight(r.params().get(0));
            return ApiResponse.json(running().block(height)
                    .orElseThrow(() -> new ApiError(404, "no block at height " + height + " (chain height "
                            + ledger.height() + ")")));
        });
    }

    private LedgerService running() {
        if (!started.isDone()) {
            throw new ApiError(503, "the chain is still starting; try again in a moment");
        }
        if (started.isCompletedExceptionally()) {
            throw new ApiError(503, "the chain did not start; see logs/daemon.log");
        }
        return ledger;
    }

    private static long parseHeight(String text) {
        try {
            long h = Long.parseLong(text);
            if (h < 0) {
                throw new NumberFormatException();
            }
            return h;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "a block height is a whole number >= 0, not '" + text + "'");
        }
    }
}
