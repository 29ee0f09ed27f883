package dev.metanode.consensus.chain;

import dev.metanode.consensus.vrf.Ecvrf;
import dev.metanode.core.crypto.PublicKey;
import java.util.Optional;

/**
 * The two proofs consensus checks all the time: Ed25519 signatures and VRF proofs. Pure functions
 * of their inputs, behind an interface so a node (or the simulator's many nodes) may remember
 * answers it has already computed ({@link CachingVerifier}).
 */
public interface SignatureVerifier {
    boolean verify(PublicKey key, byte[] message, byte[] signature);

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
            return key.verify(message, signature);
        }

        @Override
        public Optional<byte[]> vrfVerify(byte[] vrfKey, byte[] alpha, byte[] proof) {
            return Ecvrf.verify(vrfKey, alpha, proof);
        }
    };
}
