package dev.metanode.consensus.chain;

import dev.metanode.consensus.vrf.Ecvrf;
import dev.metanode.consensus.vrf.Ed25519Batch;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.ledger.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * The two proofs consensus checks all the time: Ed25519 signatures and VRF proofs. Pure functions
 * of their inputs, behind an interface so a node (or the simulator's many nodes) may remember
 * answers it has already computed ({@link CachingVerifier}). Signatures are checked by the rule of
 * {@link Ed25519Batch}, alone or in batches, so every node answers every signature the same way.
 */
public interface SignatureVerifier {
    boolean verify(PublicKey key, byte[] message, byte[] signature);

    /**
     * {@link #verify} for a message whose SHA-256 the caller already holds, so a verifier that
     * keys its memory by the message's digest need not hash it again. {@code messageSha256} must be
     * SHA-256({@code message}): only a transaction's own id is passed here ({@link #verify(Transaction)}).
     */
    default boolean verify(PublicKey key, byte[] message, byte[] messageSha256, byte[] signature) {
        return verify(key, message, signature);
    }

    /** Whether a transaction's signature is its sender's; its id is the SHA-256 of the signed bytes. */
    default boolean verify(Transaction tx) {
        return verify(tx.sender(), tx.signingBytes(), tx.id(), tx.signature());
    }

    /**
     * One signature to check among many; {@code messageSha256} is SHA-256({@code message}) when the
     * caller has it (a transaction's id), else null.
     */
    record SignatureCheck(PublicKey key, byte[] message, byte[] signature, byte[] messageSha256) {
        public SignatureCheck(PublicKey key, byte[] message, byte[] signature) {
            this(key, message, signature, null);
        }

        /** A transaction's signature check, with its id as the digest of the signed bytes. */
        public static SignatureCheck of(Transaction tx) {
            return new SignatureCheck(tx.sender(), tx.signingBytes(), tx.signature(), tx.id());
        }
    }

    /** The answer of {@link #verify} for each check, in order; an implementation may check them as one batch. */
    default boolean[] verifyEach(List<SignatureCheck> checks) {
        boolean[] answers = new boolean[checks.size()];
        for (int i = 0; i < answers.length; i++) {
            SignatureCheck c = checks.get(i);
            answers[i] = verify(c.key(), c.message(), c.signature());
        }
        return answers;
    }

    /** The VRF output if {@code proof} proves {@code alpha} under {@code vrfKey}. */
    Optional<byte[]> vrfVerify(byte[] vrfKey, byte[] alpha, byte[] proof);

    /**
     * This node has just made {@code signature} over {@code message} with the key of {@code key}:
     * a verifier that remembers answers may remember this one as valid, so the node does not verify
     * its own messages. Never call it for a signature this node did not make itself.
     */
    default void signedHere(PublicKey key, byte[] message, byte[] signature) {}

    /** Computes every answer afresh. */
    SignatureVerifier DIRECT = new SignatureVerifier() {
        @Override
        public boolean verify(PublicKey key, byte[] message, byte[] signature) {
            return Ed25519Batch.verify(key.bytes(), message, signature);
        }

        @Override
        public boolean[] verifyEach(List<SignatureCheck> checks) {
            return Ed25519Batch.verifyEach(checks.stream()
                    .map(c -> new Ed25519Batch.Check(c.key().bytes(), c.message(), c.signature()))
                    .toList());
        }

        @Override
        public Optional<byte[]> vrfVerify(byte[] vrfKey, byte[] alpha, byte[] proof) {
            return Ecvrf.verify(vrfKey, alpha, proof);
        }
    };
}
