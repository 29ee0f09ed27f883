package dev.metanode.consensus.payload;

import dev.metanode.consensus.chain.Hashes;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.codec.MalformedMessageException;
import dev.metanode.consensus.codec.WireReader;
import dev.metanode.consensus.codec.WireWriter;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The signed core of every QBFT message: (type, height, round, digest, prepared round), signed by a
 * validator over a domain tag and the chain id. {@code digest} is the block hash for proposals,
 * prepares and commits, and the prepared block's hash (or zeros) for round changes, whose
 * {@code preparedRound} is -1 when nothing was prepared. Two payloads of one signer with the same
 * type, height and round but different bytes are equivocation.
 */
public record SignedPayload(MessageType type, long height, int round, byte[] digest, int preparedRound,
        PublicKey signer, byte[] signature) {
    /** Rounds beyond this are refused: at the capped timeout it is years of rounds. */
    public static final int ROUND_MAX = 1 << 24;
    public static final byte[] NO_DIGEST = new byte[Hashes.HASH_BYTES];
    private static final byte[] DOMAIN = "metanode/qbft/v1\0".getBytes(StandardCharsets.US_ASCII);

    public SignedPayload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(signer, "signer");
        Hashes.requireHash(digest, "digest");
        if (height < 1 || round < 0 || round > ROUND_MAX) {
            throw new IllegalArgumentException("height or round out of range");
        }
        boolean preparedOk = type == MessageType.ROUND_CHANGE ? preparedRound >= -1 && preparedRound < round : preparedRound == -1;
        if (!preparedOk) {
            throw new IllegalArgumentException("prepared round " + preparedRound + " does not fit a " + type + " of round " + round);
        }
        if (signature == null || signature.length != PublicKey.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a signature has " + PublicKey.SIGNATURE_BYTES + " bytes");
        }
        digest = digest.clone();
        signature = signature.clone();
    }

    public static SignedPayload sign(SigningKey key, String chainId, MessageType type, long height, int round,
            byte[] digest, int preparedRound) {
        byte[] bytes = signingBytes(chainId, type, height, round, digest, preparedRound);
        return new SignedPayload(type, height, round, digest, preparedRound, key.publicKey(), key.sign(bytes));
    }

    public static byte[] signingBytes(String chainId, MessageType type, long height, int round, byte[] digest,
            int preparedRound) {
        byte[] chain = chainId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(DOMAIN.length + 1 + chain.length + 1 + 8 + 4 + digest.length + 4)
                .put(DOMAIN).put((byte) chain.length).put(chain).put((byte) type.code()).putLong(height).putInt(round)
                .put(digest).putInt(preparedRound).array();
    }

    public byte[] signingBytes(String chainId) {
        return signingBytes(chainId, type, height, round, digest, preparedRound);
    }

    public boolean verify(String chainId, SignatureVerifier verifier) {
        return verifier.verify(signer, signingBytes(chainId), signature);
    }

    /** Same signer, type, height and round, but not the same statement: proof of equivocation. */
    public boolean conflictsWith(SignedPayload other) {
        return signer.equals(other.signer) && type == other.type && height == other.height && round == other.round
                && (!Arrays.equals(digest, other.digest) || preparedRound != other.preparedRound);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public boolean hasDigest(byte[] hash) {
        return Arrays.equals(digest, hash);
    }

    public void write(WireWriter out) {
        out.u8(type.code()).i64(height).i32(round).fixed(digest).i32(preparedRound).fixed(signer.bytes()).fixed(signature);
    }

    public static SignedPayload read(WireReader in) throws MalformedMessageException {
        try {
            return new SignedPayload(MessageType.of(in.u8()), in.i64(), in.i32(), in.fixed(Hashes.HASH_BYTES), in.i32(),
                    dev.metanode.consensus.codec.KeyCache.key(in.fixed(PublicKey.KEY_BYTES)), in.fixed(PublicKey.SIGNATURE_BYTES));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("bad signed payload: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedPayload p && type == p.type && height == p.height && round == p.round
                && Arrays.equals(digest, p.digest) && preparedRound == p.preparedRound && signer.equals(p.signer)
                && Arrays.equals(signature, p.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, height, round, Arrays.hashCode(digest), signer);
    }

    @Override
    public String toString() {
        return type + "[h=" + height + " r=" + round + " by " + signer.fingerprint() + "]";
    }
}
