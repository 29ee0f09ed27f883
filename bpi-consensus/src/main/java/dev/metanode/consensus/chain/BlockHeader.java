package dev.metanode.consensus.chain;

import dev.metanode.consensus.poh.PohSegment;
import dev.metanode.core.codec.CanonicalJson;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.Sha256;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A block header (DESIGN.md section 4). Its hash is the SHA-256 of its RFC 8785 canonical JSON, so
 * a light client in any language reproduces it; commit seals sign that hash. {@code round} and
 * {@code proposer} are those of the round the block was first proposed in: a block re-proposed in a
 * later round keeps its header and hash. {@code checkpoints} are receipt-log checkpoints (C2SP signed
 * note text) the block anchors. Immutable.
 */
public final class BlockHeader {
    /** Checkpoints one block anchors. */
    public static final int CHECKPOINTS_MAX = 8;
    /** Characters of one anchored checkpoint note. */
    public static final int CHECKPOINT_CHARS_MAX = 2048;
    /** A chain id is short and printable; it is part of every signed consensus message. */
    public static final int CHAIN_ID_CHARS_MAX = 64;
    /** JSON numbers above 2^53 lose precision in other languages' parsers. */
    static final long JSON_INTEGER_MAX = 1L << 53;

    private final String chainId;
    private final long height;
    private final int round;
    private final byte[] parentHash;
    private final PohSegment poh;
    private final byte[] txRoot;
    private final byte[] stateRoot;
    private final List<String> checkpoints;
    private final byte[] validatorsHash;
    private final PublicKey proposer;
    private final byte[] vrfProof;
    private final long timestampMillis;
    private final byte[] encoded;
    private final byte[] hash;

    public BlockHeader(String chainId, long height, int round, byte[] parentHash, PohSegment poh, byte[] txRoot,
            byte[] stateRoot, List<String> checkpoints, byte[] validatorsHash, PublicKey proposer, byte[] vrfProof,
            long timestampMillis) {
        if (chainId == null || chainId.isEmpty() || chainId.length() > CHAIN_ID_CHARS_MAX) {
            throw new IllegalArgumentException("chain id must be 1.." + CHAIN_ID_CHARS_MAX + " characters");
        }
        if (height < 1 || height > JSON_INTEGER_MAX || round < 0 || timestampMillis < 0 || timestampMillis > JSON_INTEGER_MAX) {
            throw new IllegalArgumentException("height, round or timestamp out of range");
        }
        Hashes.requireHash(parentHash, "parent hash");
        Hashes.requireHash(txRoot, "transactions root");
        Hashes.requireHash(stateRoot, "state root");
        Hashes.requireHash(validatorsHash, "validators hash");
        if (vrfProof == null || vrfProof.length != 80) {
            throw new IllegalArgumentException("a VRF proof has 80 bytes");
        }
        if (checkpoints.size() > CHECKPOINTS_MAX
                || checkpoints.stream().anyMatch(c -> c == null || c.isEmpty() || c.length() > CHECKPOINT_CHARS_MAX)) {
            throw new IllegalArgumentException("at most " + CHECKPOINTS_MAX + " checkpoints of at most "
                    + CHECKPOINT_CHARS_MAX + " characters");
        }
        this.chainId = chainId;
        this.height = height;
        this.round = round;
        this.parentHash = parentHash.clone();
        this.poh = Objects.requireNonNull(poh, "poh");
        this.txRoot = txRoot.clone();
        this.stateRoot = stateRoot.clone();
        this.checkpoints = List.copyOf(checkpoints);
        this.validatorsHash = validatorsHash.clone();
        this.proposer = Objects.requireNonNull(proposer, "proposer");
        this.vrfProof = vrfProof.clone();
        this.timestampMillis = timestampMillis;
        this.encoded = CanonicalJson.encode(toJson());
        this.hash = Sha256.digest(encoded);
    }

    Map<String, Object> toJson() {
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, Object> pohJson = new LinkedHashMap<>();
        pohJson.put("start", b64.encodeToString(poh.start()));
        pohJson.put("hashCount", poh.hashCount());
        pohJson.put("end", b64.encodeToString(poh.end()));
        pohJson.put("mixins", poh.mixins());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chainId", chainId);
        m.put("height", height);
        m.put("round", round);
        m.put("parentHash", b64.encodeToString(parentHash));
        m.put("poh", pohJson);
        m.put("txRoot", b64.encodeToString(txRoot));
        m.put("stateRoot", b64.encodeToString(stateRoot));
        m.put("checkpoints", checkpoints);
        m.put("validatorsHash", b64.encodeToString(validatorsHash));
        m.put("proposer", proposer.base64());
        m.put("vrfProof", b64.encodeToString(vrfProof));
        m.put("timestampMs", timestampMillis);
        return m;
    }

    /** The canonical JSON bytes that {@link #hash()} is taken over. */
    public byte[] encode() {
        return encoded.clone();
    }

    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    public String chainId() {
        return chainId;
    }

    public long height() {
        return height;
    }

    public int round() {
        return round;
    }

    public byte[] parentHash() {
        return parentHash.clone();
    }

    public PohSegment poh() {
        return poh;
    }

    public byte[] txRoot() {
        return txRoot.clone();
    }

    public byte[] stateRoot() {
        return stateRoot.clone();
    }

    public List<String> checkpoints() {
        return checkpoints;
    }

    public byte[] validatorsHash() {
        return validatorsHash.clone();
    }

    public PublicKey proposer() {
        return proposer;
    }

    public byte[] vrfProof() {
        return vrfProof.clone();
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockHeader other && Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "BlockHeader[h=" + height + " r=" + round + " " + hashHex().substring(0, 12) + "]";
    }
}
