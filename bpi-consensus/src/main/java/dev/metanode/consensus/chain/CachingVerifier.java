package dev.metanode.consensus.chain;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.Sha256;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the last {@link #ENTRIES_MAX} answers of another verifier, keyed by a SHA-256 over
 * the whole question, so a proof seen twice (a re-proposed block, a seal in a commit and again in
 * the final block) is checked once. Thread-safe.
 */
public final class CachingVerifier implements SignatureVerifier {
    /** Remembered answers; an entry is ~100 bytes. */
    public static final int ENTRIES_MAX = 65_536;
    private static final byte[] ABSENT = new byte[0];

    private final SignatureVerifier inner;
    private final Map<ByteBuffer, byte[]> answers = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, byte[]> eldest) {
            return size() > ENTRIES_MAX;
        }
    };

    public CachingVerifier(SignatureVerifier inner) {
        this.inner = inner;
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        ByteBuffer question = question(key, message, signature);
        byte[] answer = lookup(question);
        if (answer == null) {
            answer = inner.verify(key, message, signature) ? new byte[] {1} : ABSENT;
            remember(question, answer);
        }
        return answer.length == 1;
    }

    @Override
    public boolean[] verifyEach(List<SignatureCheck> checks) {
        boolean[] answers = new boolean[checks.size()];
        List<SignatureCheck> unknown = new ArrayList<>();
        List<Integer> unknownAt = new ArrayList<>();
        ByteBuffer[] questions = new ByteBuffer[checks.size()];
        for (int i = 0; i < answers.length; i++) {
            SignatureCheck c = checks.get(i);
            questions[i] = question(c.key(), c.message(), c.signature());
            byte[] answer = lookup(questions[i]);
            if (answer == null) {
                unknown.add(c);
                unknownAt.add(i);
            } else {
                answers[i] = answer.length == 1;
            }
        }
        if (!unknown.isEmpty()) {
            boolean[] fresh = inner.verifyEach(unknown);
            for (int j = 0; j < fresh.length; j++) {
                int i = unknownAt.get(j);
                answers[i] = fresh[j];
                remember(questions[i], fresh[j] ? new byte[] {1} : ABSENT);
            }
        }
        return answers;
    }

    @Override
    public void signedHere(PublicKey key, byte[] message, byte[] signature) {
        remember(question(key, message, signature), new byte[] {1});
    }

    private static ByteBuffer question(PublicKey key, byte[] message, byte[] signature) {
        return ByteBuffer.wrap(Sha256.digest((byte) 1, key.bytes(), Sha256.digest(message), signature));
    }

    @Override
    public Optional<byte[]> vrfVerify(byte[] vrfKey, byte[] alpha, byte[] proof) {
        ByteBuffer question = ByteBuffer.wrap(Sha256.digest((byte) 2, vrfKey, Sha256.digest(alpha), proof));
        byte[] answer = lookup(question);
        if (answer == null) {
            answer = inner.vrfVerify(vrfKey, alpha, proof).orElse(ABSENT);
            remember(question, answer);
        }
        return answer.length == 0 ? Optional.empty() : Optional.of(answer.clone());
    }

    private synchronized byte[] lookup(ByteBuffer question) {
        return answers.get(question);
    }

    private synchronized void remember(ByteBuffer question, byte[] answer) {
        answers.put(question, answer);
    }
}
