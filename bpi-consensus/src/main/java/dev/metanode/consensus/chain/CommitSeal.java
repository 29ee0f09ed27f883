package dev.metanode.consensus.chain;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import java.util.Objects;

/** A validator's signature over {@link Domains#commitSeal(byte[])} of a block hash: its vote that the block is final. */
public record CommitSeal(PublicKey validator, byte[] signature) {
    public CommitSeal {
        Objects.requireNonNull(validator, "validator");
        if (signature == null || signature.length != PublicKey.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a seal signature has " + PublicKey.SIGNATURE_BYTES + " bytes");
        }
        signature = signature.clone();
    }

    public static CommitSeal sign(SigningKey key, byte[] blockHash) {
        return new CommitSeal(key.publicKey(), key.sign(Domains.commitSeal(blockHash)));
    }

    public boolean verify(byte[] blockHash) {
        return validator.verify(Domains.commitSeal(blockHash), signature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
