package dev.metanode.consensus.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingVerifierTest {
    private final AtomicInteger computed = new AtomicInteger();
    private final SignatureVerifier counting = new SignatureVerifier() {
        @Override
        public boolean verify(PublicKey key, byte[] message, byte[] signature) {
            computed.incrementAndGet();
            return key.verify(message, signature);
        }

        @Override
        public Optional<byte[]> vrfVerify(byte[] vrfKey, byte[] alpha, byte[] proof) {
            return Optional.empty();
        }
    };

    @Test
    void anAnswerIsComputedOnceAndOwnSignaturesNeverAre() {
        CachingVerifier verifier = new CachingVerifier(counting);
        SigningKey key = TestKeys.key(3);
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        assertTrue(verifier.verify(key.publicKey(), message, signature));
        assertTrue(verifier.verify(key.publicKey(), message, signature));
        assertEquals(1, computed.get());

        byte[] own = "own".getBytes(StandardCharsets.UTF_8);
        byte[] ownSignature = key.sign(own);
        verifier.signedHere(key.publicKey(), own, ownSignature);
        assertTrue(verifier.verify(key.publicKey(), own, ownSignature));
        assertEquals(1, computed.get());

        // a different message or signature is still a question of its own
        assertFalse(verifier.verify(key.publicKey(), message, ownSignature));
        assertEquals(2, computed.get());
    }
}
