package dev.metanode.core.net.bench;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.KEM;
import javax.crypto.KeyAgreement;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * CPU time of each primitive a handshake uses, one at a time, on one thread: where a handshake's
 * time goes, and the JDK's implementations beside Bouncy Castle's for comparison. Thread CPU time,
 * not wall time, so a busy neighbour disturbs it less. Usage: {@code HandshakePrimitivesBench [runs]}.
 */
public final class HandshakePrimitivesBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long RUN_NANOS = 400_000_000L;

    private interface Op {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SecureRandom random = new SecureRandom();
        x25519(runs, random);
        mlKem(runs, random);
        ed25519(runs);
        bench(runs, "JDK Cipher.getInstance(ChaCha20-Poly1305)", () -> Cipher.getInstance("ChaCha20-Poly1305"));
    }

    private static void x25519(int runs, SecureRandom random) throws Exception {
        byte[] privateKey = new byte[32];
        byte[] publicKey = new byte[32];
        byte[] peer = new byte[32];
        byte[] shared = new byte[32];
        X25519.generatePrivateKey(random, privateKey);
        X25519.generatePublicKey(privateKey, 0, peer, 0);
        bench(runs, "BC X25519 key generation", () -> {
            X25519.generatePrivateKey(random, privateKey);
            X25519.generatePublicKey(privateKey, 0, publicKey, 0);
        });
        bench(runs, "BC X25519 agreement", () -> X25519.calculateAgreement(privateKey, 0, peer, 0, shared, 0));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
        KeyPair ours = generator.generateKeyPair();
        KeyPair theirs = generator.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        bench(runs, "JDK X25519 key generation", generator::generateKeyPair);
        bench(runs, "JDK X25519 agreement", () -> {
            agreement.init(ours.getPrivate());
            agreement.doPhase(theirs.getPublic(), true);
            agreement.generateSecret();
        });
    }

    private static void mlKem(int runs, SecureRandom random) throws Exception {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        byte[] encoded = ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded();
        byte[] ciphertext = new MLKEMGenerator(random).generateEncapsulated(pair.getPublic()).getEncapsulation();
        bench(runs, "BC ML-KEM-768 key generation + encoding",
                () -> ((MLKEMPublicKeyParameters) generator.generateKeyPair().getPublic()).getEncoded());
        bench(runs, "BC ML-KEM-768 encapsulation (from bytes)", () -> new MLKEMGenerator(random)
                .generateEncapsulated(new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, encoded)));
        bench(runs, "BC ML-KEM-768 decapsulation",
                () -> new MLKEMExtractor((MLKEMPrivateKeyParameters) pair.getPrivate()).extractSecret(ciphertext));
        KeyPairGenerator jdkGenerator = KeyPairGenerator.getInstance("ML-KEM-768");
        KeyPair jdkPair = jdkGenerator.generateKeyPair();
        KEM kem = KEM.getInstance("ML-KEM");
        byte[] jdkCiphertext = kem.newEncapsulator(jdkPair.getPublic()).encapsulate().encapsulation();
        KEM.Decapsulator decapsulator = kem.newDecapsulator(jdkPair.getPrivate());
        bench(runs, "JDK ML-KEM-768 key generation", jdkGenerator::generateKeyPair);
        bench(runs, "JDK ML-KEM-768 encapsulation", () -> kem.newEncapsulator(jdkPair.getPublic()).encapsulate());
        bench(runs, "JDK ML-KEM-768 decapsulation", () -> decapsulator.decapsulate(jdkCiphertext));
    }

    private static void ed25519(int runs) throws Exception {
        SigningKey key = SigningKey.fromSeed(new byte[32]);
        byte[] message = new byte[57]; // a version 1 identity proof: domain, role, handshake hash
        byte[] signature = key.sign(message);
        byte[] encoded = key.publicKey().bytes();
        bench(runs, "BC Ed25519 sign (version 1 proof)", () -> key.sign(message));
        bench(runs, "BC Ed25519 verify (version 1 proof)", () -> key.publicKey().verify(message, signature));
        bench(runs, "PublicKey.fromBytes (point decoding)", () -> PublicKey.fromBytes(encoded));
        bench(runs, "Ed25519 -> X25519 public key (the map)", () -> key.publicKey().x25519PublicKey());
    }

    private static void bench(int runs, String name, Op op) throws Exception {
        long warmUpEnd = System.nanoTime() + 3 * RUN_NANOS; // the JDK's ML-KEM needs C2 to settle
        while (System.nanoTime() < warmUpEnd) {
            op.run();
        }
        List<Double> micros = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long end = System.nanoTime() + RUN_NANOS;
            int count = 0;
            while (System.nanoTime() < end) {
                op.run();
                count++;
            }
            micros.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / count);
        }
        List<Double> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.println(String.format(Locale.ROOT, "%-44s median %8.1f µs CPU  (runs: %s)", name,
                sorted.get(sorted.size() / 2), micros.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList()));
    }
}
