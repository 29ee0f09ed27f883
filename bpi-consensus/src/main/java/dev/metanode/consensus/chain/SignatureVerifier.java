package dev.metanode.consensus.chain;

import dev.metanode.consensus.vrf.Ecvrf;
import dev.metanode.consensus.vrf.Ed25519Batch;
import dev.metanode.core.crypto.PublicKey;
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

    /** One signature to check among many. */
    record SignatureCheck(PublicKey key, byte[] message, byte[] signature) {}

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
