package dev.metanode.consensus.vrf;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032) signature checks for consensus, one at a time or many at once, with one rule
 * for both: the key and R are canonical encodings of curve points, the key is not of small order,
 * s &lt; L, and the cofactored equation [8][s]B = [8]R + [8][k]A holds. Every node must answer every signature the same way
 * whether it checked it alone or in a batch, and only the cofactored equation allows that: the
 * cofactorless one that Bouncy Castle checks can disagree with a batch on a signature crafted with
 * a small-order component (see Chalkias, Garillot, Nikolaenko, "Taming the many EdDSAs", 2020).
 *
 * <p>A batch checks one random linear combination of all the equations,
 * [8]([sum z_i s_i]B - sum [z_i]R_i - sum [z_i k_i]A_i) = 0 with random 128-bit z_i, in one
 * multi-scalar multiplication; terms with the same key share one point. A false equation survives
 * it with probability about 2^-128. When a batch fails, its halves are checked, down to single
 * checks, so one bad signature costs a few more batches, not the whole batch's worth of singles.
 */
public final class Ed25519Batch {
    /** Below this size a batch is checked one signature at a time. */
    private static final int SMALLEST_BATCH = 4;
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    /**
     * Keys decoded lately, with their tables of multiples: a sender signs many transactions, and
     * decoding a key costs a square root, about a fifth of a signature check. An entry is ~3 KiB.
     */
    private static final int KEYS_CACHED = 1024;
    private static final Map<KeyBytes, Key> KEYS = new LinkedHashMap<>(KEYS_CACHED, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<KeyBytes, Key> eldest) {
            return size() > KEYS_CACHED;
        }
    };

    private Ed25519Batch() {}

    /** One signature to check. */
    public record Check(byte[] publicKey, byte[] message, byte[] signature) {}

    /** The rule of this class for one signature. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null || publicKey.length != KEY_BYTES
                || signature.length != SIGNATURE_BYTES || !EdwardsPoint.canonicalEncoding(signature, 0)) {
            return false;
        }
        if (key(publicKey) == null) { // decoding checks the key's encoding
            return false;
        }
        // Fast path: Bouncy Castle's check, which decodes R, refuses s >= L, and whose equation
        // implies the cofactored one; with the encodings and the key checked above, its yes is a yes
        // under this class's rule. Its no is checked again below, by the rule itself.
        if (Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)) {
            return true;
        }
        Parsed p = parse(new Check(publicKey, message, signature));
        return p != null && cofactoredEquationHolds(p);
    }

    /** The rule of this class for each of {@code checks}, answered in order. */
    public static boolean[] verifyEach(List<Check> checks) {
        boolean[] answers = new boolean[checks.size()];
        List<Parsed> parsed = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            Parsed p = parse(checks.get(i));
            if (p != null) {
                p.index = i;
                parsed.add(p);
            }
        }
        settle(parsed, answers);
        return answers;
    }

    /** Sets the answer of each of {@code parsed}: all true when the batch holds, else its halves in turn. */
    private static void settle(List<Parsed> parsed, boolean[] answers) {
        if (parsed.size() < SMALLEST_BATCH) {
            for (Parsed p : parsed) {
                answers[p.index] = single(p);
            }
            return;
        }
        if (batchHolds(parsed)) {
            for (Parsed p : parsed) {
                answers[p.index] = true;
            }
            return;
        }
        int half = parsed.size() / 2;
        settle(parsed.subList(0, half), answers);
        settle(parsed.subList(half, parsed.size()), answers);
    }

    private static boolean single(Parsed p) {
        Check c = p.check;
        return Ed25519.verify(c.signature(), 0, c.publicKey(), 0, c.message(), 0, c.message().length)
                || cofactoredEquationHolds(p);
    }

    private static boolean cofactoredEquationHolds(Parsed p) {
        EdwardsPoint sB = EdwardsPoint.multiplyBase(p.s);
        EdwardsPoint kA = p.key.point().multiply(p.k);
        return sB.add(p.r.negate()).add(kA.negate()).timesCofactor().isIdentity();
    }

    private static boolean batchHolds(List<Parsed> parsed) {
        SecureRandom random = RANDOM.get();
        BigInteger baseScalar = BigInteger.ZERO;
        Map<Key, BigInteger> keyScalars = new IdentityHashMap<>();
        List<MultiScalar.Term> terms = new ArrayList<>(parsed.size() * 2);
        for (Parsed p : parsed) {
            BigInteger z = weight(random);
            baseScalar = baseScalar.add(z.multiply(p.s));
            keyScalars.merge(p.key, z.multiply(p.k), BigInteger::add);
            terms.add(new MultiScalar.Term(z, p.r));
        }
        keyScalars.forEach((key, scalar) -> terms.add(new MultiScalar.Term(scalar.mod(EdwardsPoint.L), key.table())));
        EdwardsPoint others = MultiScalar.sum(terms);
        EdwardsPoint base = EdwardsPoint.multiplyBase(baseScalar.mod(EdwardsPoint.L));
        return base.add(others.negate()).timesCofactor().isIdentity();
    }

    /** A random non-zero 128-bit weight: an attacker who cannot predict it cannot make bad equations cancel. */
    private static BigInteger weight(SecureRandom random) {
        BigInteger z;
        do {
            z = new BigInteger(128, random);
        } while (z.signum() == 0);
        return z;
    }

    /** Null where the check fails on its own: wrong lengths, s &gt;= L, or an encoding that is not a canonical point. */
    private static Parsed parse(Check c) {
        byte[] sig = c.signature();
        byte[] pk = c.publicKey();
        if (sig == null || pk == null || c.message() == null || sig.length != SIGNATURE_BYTES || pk.length != KEY_BYTES) {
            return null;
        }
        BigInteger s = Scalars.fromLittleEndian(Arrays.copyOfRange(sig, 32, 64));
        if (s.compareTo(EdwardsPoint.L) >= 0) {
            return null;
        }
        byte[] rBytes = Arrays.copyOfRange(sig, 0, 32);
        EdwardsPoint r = EdwardsPoint.decode(rBytes);
        if (r == null) {
            return null;
        }
        Key key = key(pk);
        if (key == null) {
            return null;
        }
        BigInteger k = Scalars.fromLittleEndian(VrfSecretKey.sha512(rBytes, pk, c.message())).mod(EdwardsPoint.L);
        return new Parsed(c, s, r, key, k);
    }

    /** A check with its parts decoded. */
    private static final class Parsed {
        final Check check;
        final BigInteger s;
        final EdwardsPoint r;
        final Key key;
        final BigInteger k;
        int index;

        Parsed(Check check, BigInteger s, EdwardsPoint r, Key key, BigInteger k) {
            this.check = check;
            this.s = s;
            this.r = r;
            this.key = key;
            this.k = k;
        }
    }

    /** A decoded public key; null where the bytes are not a canonical point of large order (not cached: anyone can send those). */
    private static Key key(byte[] pk) {
        KeyBytes bytes = new KeyBytes(pk);
        synchronized (KEYS) {
            Key known = KEYS.get(bytes);
            if (known != null) {
                return known;
            }
        }
        EdwardsPoint point = EdwardsPoint.decode(pk);
        if (point == null || point.timesCofactor().isIdentity()) {
            return null; // a small-order key: anyone could sign for it
        }
        Key key = new Key(point, new MultiScalar.Table(point));
        synchronized (KEYS) {
            KEYS.put(new KeyBytes(pk.clone()), key);
        }
        return key;
    }

    private record Key(EdwardsPoint point, MultiScalar.Table table) {}

    /** Key bytes as a map key. */
    private record KeyBytes(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof KeyBytes other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
