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
 * Remembers recent answers of another verifier, keyed by a SHA-256 over the whole question, so a
 * signature seen twice (on the pool, then at mempool admission and block validation; a seal in a
 * commit and again in the final block) is checked once. Thread-safe.
 *
 * <p>Signature answers live in a direct-mapped table of {@link #ENTRIES_MAX} slots in primitive
 * arrays: the slot is picked by the question's hash, and holds 128 bits of it as a tag and the
 * answer. A newer question that lands in a slot replaces the older one. Why not a map: a validator
 * asks ~15,000 questions a second under load, and map entries lived for seconds, long enough to be
 * copied from survivor space to survivor space and promoted, then die in the old generation; this
 * table allocates nothing per answer and holds nothing the collector traces. 128 bits of tag keep a
 * forged match out of reach even against every slot at once (~2^112 hashes). VRF answers (a few a
 * block, 64-byte outputs) stay in a small map.
 *
 * <p>Why 2^18 slots (4.5 MB): a transaction's answer is written on the pool and asked again at block
 * validation up to a second later; in between, at 5,000 tx/s, some 5,000 other answers land in the
 * table, and each overwrites the slot with probability 1/slots. At 2^16 slots an estimated ~7 % of
 * answers are gone when the consensus thread asks, and it checks those signatures again, alone; at
 * 2^18 ~2 %.
 */
public final class CachingVerifier implements SignatureVerifier {
    /** Signature answers remembered (slots of the table). */
    public static final int ENTRIES_MAX = 1 << 18;
    /** VRF answers remembered. */
    static final int VRF_ENTRIES_MAX = 1_024;
    private static final byte[] ABSENT = new byte[0];
    private static final byte UNKNOWN = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    private final SignatureVerifier inner;
    private final long[] tagHigh = new long[ENTRIES_MAX];
    private final long[] tagLow = new long[ENTRIES_MAX];
    private final byte[] answer = new byte[ENTRIES_MAX];
    private final Map<ByteBuffer, byte[]> vrfAnswers = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, byte[]> eldest) {
            return size() > VRF_ENTRIES_MAX;
        }
    };

    public CachingVerifier(SignatureVerifier inner) {
        this.inner = inner;
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, byte[] signature) {
        return verify(key, message, null, signature);
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, byte[] messageSha256, byte[] signature) {
        byte[] question = question(key, message, messageSha256, signature);
        byte known = lookup(question);
        if (known != UNKNOWN) {
            return known == YES;
        }
        boolean yes = inner.verify(key, message, signature);
        remember(question, yes);
        return yes;
    }

    @Override
    public boolean[] verifyEach(List<SignatureCheck> checks) {
        boolean[] answers = new boolean[checks.size()];
        List<SignatureCheck> unknown = new ArrayList<>();
        List<Integer> unknownAt = new ArrayList<>();
        byte[][] questions = new byte[checks.size()][];
        for (int i = 0; i < answers.length; i++) {
            SignatureCheck c = checks.get(i);
            questions[i] = question(c.key(), c.message(), c.messageSha256(), c.signature());
            byte known = lookup(questions[i]);
            if (known == UNKNOWN) {
                unknown.add(c);
                unknownAt.add(i);
            } else {
                answers[i] = known == YES;
            }
        }
        if (!unknown.isEmpty()) {
            boolean[] fresh = inner.verifyEach(unknown);
            for (int j = 0; j < fresh.length; j++) {
                int i = unknownAt.get(j);
                answers[i] = fresh[j];
                remember(questions[i], fresh[j]);
            }
        }
        return answers;
    }

    @Override
    public void signedHere(PublicKey key, byte[] message, byte[] signature) {
        remember(question(key, message, null, signature), true);
    }

    /** SHA-256(1 || key || SHA-256(message) || signature); the message's digest is taken from the caller when it has one. */
    private static byte[] question(PublicKey key, byte[] message, byte[] messageSha256, byte[] signature) {
        byte[] digest = messageSha256 != null ? messageSha256 : Sha256.digest(message);
        return Sha256.digest((byte) 1, key.bytes(), digest, signature);
    }

    private static int slot(byte[] question) {
        return (int) (ByteBuffer.wrap(question).getLong(16) & (ENTRIES_MAX - 1));
    }

    private synchronized byte lookup(byte[] question) {
        int s = slot(question);
        ByteBuffer q = ByteBuffer.wrap(question);
        return tagHigh[s] == q.getLong(0) && tagLow[s] == q.getLong(8) ? answer[s] : UNKNOWN;
    }

    private synchronized void remember(byte[] question, boolean yes) {
        int s = slot(question);
        ByteBuffer q = ByteBuffer.wrap(question);
        tagHigh[s] = q.getLong(0);
        tagLow[s] = q.getLong(8);
        answer[s] = yes ? YES : NO;
    }

    @Override
    public Optional<byte[]> vrfVerify(byte[] vrfKey, byte[] alpha, byte[] proof) {
        ByteBuffer question = ByteBuffer.wrap(Sha256.digest((byte) 2, vrfKey, Sha256.digest(alpha), proof));
        byte[] known;
        synchronized (vrfAnswers) {
            known = vrfAnswers.get(question);
        }
        if (known == null) {
            known = inner.vrfVerify(vrfKey, alpha, proof).orElse(ABSENT);
            synchronized (vrfAnswers) {
                vrfAnswers.put(question, known);
            }
        }
        return known.length == 0 ? Optional.empty() : Optional.of(known.clone());
    }
}
