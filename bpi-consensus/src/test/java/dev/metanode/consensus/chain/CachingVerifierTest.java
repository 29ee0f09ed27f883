package dev.metanode.consensus.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void aBatchAsksOnlyWhatIsNotKnownAndRemembersTheAnswers() {
        CachingVerifier verifier = new CachingVerifier(counting);
        SigningKey key = TestKeys.key(4);
        List<SignatureVerifier.SignatureCheck> checks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] message = ("m" + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = i == 4 ? key.sign("other".getBytes(StandardCharsets.UTF_8)) : key.sign(message);
            checks.add(new SignatureVerifier.SignatureCheck(key.publicKey(), message, signature));
        }
        assertTrue(verifier.verify(checks.get(1).key(), checks.get(1).message(), checks.get(1).signature()));
        assertEquals(1, computed.get());
        assertArrayEquals(new boolean[] {true, true, true, true, false, true}, verifier.verifyEach(checks));
        assertEquals(6, computed.get(), "the one answered before is not asked again");
        assertArrayEquals(new boolean[] {true, true, true, true, false, true}, verifier.verifyEach(checks));
        assertFalse(verifier.verify(checks.get(4).key(), checks.get(4).message(), checks.get(4).signature()));
        assertEquals(6, computed.get(), "every answer, a no too, was remembered");
    }

    @Test
    void aTransactionAskedByItsIdIsTheSameQuestionAsAskedByItsBytes() {
        CachingVerifier verifier = new CachingVerifier(counting);
        SigningKey key = TestKeys.key(5);
        Transaction tx = Transaction.sign(key, "notary", "attest", 7, new byte[32]);
        Transaction forged = Transaction.sign(TestKeys.key(6), "notary", "attest", 8, new byte[32]);
        assertTrue(verifier.verify(tx));
        assertTrue(verifier.verify(tx.sender(), tx.signingBytes(), tx.signature()));
        assertArrayEquals(new boolean[] {true}, verifier.verifyEach(List.of(SignatureVerifier.SignatureCheck.of(tx))));
        assertEquals(1, computed.get(), "one question, however it was asked");

        // another transaction's signature under this sender: a question of its own, and a no
        assertFalse(verifier.verify(tx.sender(), tx.signingBytes(), tx.id(), forged.signature()));
        assertEquals(2, computed.get());
    }

    @Test
    void aFullTableForgetsOldAnswersAndNeverConfusesQuestions() {
        // A cheap stand-in for the real check (the subject here is the table, not Ed25519): yes for
        // even message numbers, so a question answered from another question's slot would show.
        SignatureVerifier parity = new SignatureVerifier() {
            @Override
            public boolean verify(PublicKey key, byte[] message, byte[] signature) {
                computed.incrementAndGet();
                return java.nio.ByteBuffer.wrap(message).getInt() % 2 == 0;
            }

            @Override
            public Optional<byte[]> vrfVerify(byte[] vrfKey, byte[] alpha, byte[] proof) {
                return Optional.empty();
            }
        };
        CachingVerifier verifier = new CachingVerifier(parity);
        PublicKey key = TestKeys.key(6).publicKey();
        byte[] signature = new byte[64];
        int questions = CachingVerifier.ENTRIES_MAX * 2;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < questions; i++) {
                byte[] message = java.nio.ByteBuffer.allocate(4).putInt(i).array();
                assertEquals(i % 2 == 0, verifier.verify(key, message, signature), "question " + i);
            }
        }
        assertTrue(computed.get() > questions, "a table of " + CachingVerifier.ENTRIES_MAX + " forgets some of "
                + questions + " answers");
        int before = computed.get();
        for (int i = questions - 8; i < questions; i++) {
            verifier.verify(key, java.nio.ByteBuffer.allocate(4).putInt(i).array(), signature);
        }
        assertTrue(computed.get() - before < 8, "recent answers are still remembered");
    }

    @Test
    void theDirectVerifierAnswersABatchAsItAnswersEachAlone() {
        SigningKey key = TestKeys.key(5);
        List<SignatureVerifier.SignatureCheck> checks = new ArrayList<>();
        boolean[] alone = new boolean[40];
        for (int i = 0; i < alone.length; i++) {
            byte[] message = ("d" + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = key.sign(i % 9 == 0 ? new byte[] {(byte) i} : message);
            checks.add(new SignatureVerifier.SignatureCheck(key.publicKey(), message, signature));
            alone[i] = SignatureVerifier.DIRECT.verify(key.publicKey(), message, signature);
            assertEquals(i % 9 != 0, alone[i]);
        }
        assertArrayEquals(alone, SignatureVerifier.DIRECT.verifyEach(checks));
    }
}
