package dev.metanode.cli.home;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.Validator;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.light.GenesisJson;
import dev.metanode.consensus.runtime.LedgerService;
import dev.metanode.core.codec.Json;
import dev.metanode.core.crypto.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code genesis.json}: the chain id, the first validator set and the start time. Every node of a
 * chain holds the same file ({@code metanode testnet init} writes it); a light client trusts it to
 * check commit seals. A file from before validator sets were written down (no {@code validators})
 * means the embedded one-validator chain of the node that wrote it.
 */
public final class GenesisFile {
    /** A genesis file larger than this is not one (128 validators take about 20 KiB). */
    static final int BYTES_MAX = 1 << 20;

    private GenesisFile() {}

    /** The node's genesis; on the first start, the embedded chain with this node as its only validator. */
    public static Genesis readOrCreate(Path file, String chainId, SigningKey key, long nowMillis) throws IOException {
        if (!Files.exists(file)) {
            write(file, new Genesis(chainId, soloSet(key), nowMillis));
        }
        Genesis genesis = read(file, key);
        if (!chainId.equals(genesis.chainId())) {
            throw new IllegalStateException(file + " is for chain " + genesis.chainId() + " but metanode.yaml says "
                    + chainId);
        }
        return genesis;
    }

    /** Reads a genesis file; {@code legacyValidator} stands in for a missing validator list (may be null). */
    public static Genesis read(Path file, SigningKey legacyValidator) throws IOException {
        if (Files.size(file) > BYTES_MAX) {
            throw new IllegalArgumentException(file + " is larger than " + BYTES_MAX + " bytes: not a genesis file");
        }
        JsonNode root;
        try {
            root = Json.parse(Files.readAllBytes(file));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + Json.firstLine(e.getMessage()));
        }
        if (root.path("validators").isMissingNode() && root.path("chainId").isTextual()) {
            if (legacyValidator == null) {
                throw new IllegalArgumentException(file + " lists no validators; pass the node's own genesis.json");
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) root).set("validators",
                    Json.parse(soloSet(legacyValidator).encode()));
        }
        try {
            return GenesisJson.fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** The embedded chain's validator set: this node alone, power 1. */
    private static ValidatorSet soloSet(SigningKey key) {
        return new ValidatorSet(List.of(LedgerService.validatorOf(key, 1)));
    }

    /** Writes atomically (a crash leaves the old file or the new one, never half of one). */
    public static void write(Path file, Genesis genesis) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.pretty(GenesisJson.toJson(genesis)) + "\n");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The set's members, for messages: short fingerprints. */
    public static String describe(ValidatorSet set) {
        return String.join(", ", set.validators().stream().map(Validator::key).map(k -> k.fingerprint()).toList());
    }
}
