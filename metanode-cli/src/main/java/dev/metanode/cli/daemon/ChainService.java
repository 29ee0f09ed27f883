package dev.metanode.cli.daemon;

import dev.metanode.cli.home.NodeHome;
import dev.metanode.consensus.NodeSettings;
import dev.metanode.consensus.MessageSink;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.runtime.LedgerService;
import dev.metanode.core.codec.Json;
import dev.metanode.core.config.NodeConfig;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.Service;
import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.store.KvStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default chain: one validator (this node), genesis fixed at the first start in
 * {@code genesis.json}, every receipt-log checkpoint anchored in the next block. It starts in
 * the background, after the API is up, because the first start of the consensus code costs
 * seconds of class loading that {@code metanode start} should not wait for.
 */
public final class ChainService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ChainService.class);
    /** Voting power of the single validator of the embedded chain. */
    static final long SOLO_POWER = 1;

    private final LedgerService ledger;
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    public ChainService(NodeHome home, NodeConfig config, SigningKey key, KvStore store) throws IOException {
        Genesis genesis = new Genesis(config.chainId(),
                new ValidatorSet(List.of(LedgerService.validatorOf(key, SOLO_POWER))), genesisTime(home, config));
        this.ledger = new LedgerService(NodeSettings.of(genesis), store, key, Clock.SYSTEM, MessageSink.NONE, List.of());
    }

    private static long genesisTime(NodeHome home, NodeConfig config) throws IOException {
        Path file = home.root().resolve("genesis.json");
        if (!Files.exists(file)) {
            Files.writeString(file, Json.write(Map.of("chainId", config.chainId(),
                    "timestampMillis", Clock.SYSTEM.millis())) + "\n");
        }
        var genesis = Json.parse(Files.readAllBytes(file));
        if (!config.chainId().equals(genesis.path("chainId").asText())) {
            throw new IllegalStateException("genesis.json is for chain " + genesis.path("chainId").asText()
                    + " but metanode.yaml says " + config.chainId());
        }
        return genesis.path("timestampMillis").asLong();
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
                LOG.info("chain {} running at height {}", ledger.status().lastBlockHash(), ledger.height());
            } catch (Exception e) {
                LOG.error("consensus did not start: {}", e.toString());
                started.completeExceptionally(e);
            }
        });
    }

    /** Anchors every checkpoint the log signs from now on. */
    public void anchorCheckpointsOf(StoredReceiptLog log) {
        log.onCheckpoint(note -> started.thenRun(() -> ledger.anchor(note)));
        log.latestCheckpoint().ifPresent(note -> started.thenRun(() -> ledger.anchor(note)));
    }

    @Override
    public void stop() throws Exception {
        if (started.isDone() && !started.isCompletedExceptionally()) {
            ledger.stop();
        }
    }

    public void register(Router router) {
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
