package dev.metanode.consensus.payload;

import dev.metanode.core.crypto.PublicKey;

/** A validator saw a quorum of prepares for a block; {@code seal} is its commit seal over the block hash. */
public record Commit(SignedPayload payload, byte[] seal) implements Message {
    public Commit {
        if (seal == null || seal.length != PublicKey.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a seal has " + PublicKey.SIGNATURE_BYTES + " bytes");
        }
        seal = seal.clone();
    }

    @Override
    public byte[] seal() {
        return seal.clone();
    }
}
