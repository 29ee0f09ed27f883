package dev.metanode.cli.daemon;

import dev.metanode.core.config.NodeConfig;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.log.StoredReceiptLog;
import java.time.Instant;

/** What the routes may read about the running node. */
public record NodeContext(NodeConfig config, SigningKey key, String noteKey, StoredReceiptLog log, Clock clock,
        Instant startedAt, String version, Runnable shutdown) {}
