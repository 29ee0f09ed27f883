package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;

/** The token processing of the three XXhfs messages; {@link HandshakeState} sequences and checks them. */
final class HandshakeSteps {
    private static final int SEALED_KEY_BYTES = DhKeyPair.KEY_BYTES + ChaChaPoly.TAG_BYTES;
    private static final int SEALED_CIPHERTEXT_BYTES = MlKem768.CIPHERTEXT_BYTES + ChaChaPoly.TAG_BYTES;

    private final SymmetricState symmetric;
    private final NodeIdentity local;
    private final SecureRandom random;
    private DhKeyPair ephemeral;
    private MlKem768 kem;
    private byte[] remoteEphemeral;
    private byte[] remoteKemKey;
    private PublicKey remoteKey;

    HandshakeSteps(SymmetricState symmetric, NodeIdentity local, SecureRandom random) {
        this.symmetric = symmetric;
        this.local = local;
        this.random = random;
    }

    PublicKey remoteKey() {
        return remoteKey;
    }

    /** Initiator: -> e, e1. */
    byte[] writeMessage1() {
        ephemeral = DhKeyPair.generate(random);
        kem = MlKem768.generate(random);
        byte[] e = ephemeral.publicKey();
        symmetric.mixHash(e);
        byte[] e1 = symmetric.encryptAndHash(kem.publicKey());
        symmetric.encryptAndHash(new byte[0]);
        return concat(e, e1);
    }

    /** Responder reads -> e, e1. */
    void readMessage1(byte[] message) {
        remoteEphemeral = Arrays.copyOfRange(message, 0, DhKeyPair.KEY_BYTES);
        symmetric.mixHash(remoteEphemeral);
        byte[] remoteKem = symmetric.decryptAndHash(Arrays.copyOfRange(message, DhKeyPair.KEY_BYTES, message.length));
        symmetric.decryptAndHash(new byte[0]);
        this.remoteKemKey = remoteKem;
    }

    /** Responder: <- e, ee, ekem1, s, es, payload. */
    byte[] writeMessage2() {
        ephemeral = DhKeyPair.generate(random);
        byte[] e = ephemeral.publicKey();
        symmetric.mixHash(e);
        symmetric.mixKey(ephemeral.agree(remoteEphemeral));
        byte[][] encapsulated = MlKem768.encapsulate(remoteKemKey, random);
        byte[] ekem1 = symmetric.encryptAndHash(encapsulated[0]);
        symmetric.mixKey(encapsulated[1]);
        byte[] s = symmetric.encryptAndHash(local.staticKey().publicKey());
        symmetric.mixKey(local.staticKey().agree(remoteEphemeral));
        return concat(e, ekem1, s, symmetric.encryptAndHash(IdentityBinding.payload(local)));
    }

    /** Initiator reads <- e, ee, ekem1, s, es, payload. */
    void readMessage2(byte[] message, HandshakePolicy policy) {
        int at = 0;
        remoteEphemeral = Arrays.copyOfRange(message, at, at += DhKeyPair.KEY_BYTES);
        symmetric.mixHash(remoteEphemeral);
        symmetric.mixKey(ephemeral.agree(remoteEphemeral));
        byte[] ciphertext = symmetric.decryptAndHash(Arrays.copyOfRange(message, at, at += SEALED_CIPHERTEXT_BYTES));
        symmetric.mixKey(kem.decapsulate(ciphertext));
        byte[] remoteStatic = symmetric.decryptAndHash(Arrays.copyOfRange(message, at, at += SEALED_KEY_BYTES));
        symmetric.mixKey(ephemeral.agree(remoteStatic));
        byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, at, message.length));
        remoteKey = IdentityBinding.verify(payload, remoteStatic, policy);
    }

    /** Initiator: -> s, se, payload. */
    byte[] writeMessage3() {
        byte[] s = symmetric.encryptAndHash(local.staticKey().publicKey());
        symmetric.mixKey(local.staticKey().agree(remoteEphemeral));
        return concat(s, symmetric.encryptAndHash(IdentityBinding.payload(local)));
    }

    /** Responder reads -> s, se, payload. */
    void readMessage3(byte[] message, HandshakePolicy policy) {
        byte[] remoteStatic = symmetric.decryptAndHash(Arrays.copyOfRange(message, 0, SEALED_KEY_BYTES));
        symmetric.mixKey(ephemeral.agree(remoteStatic));
        byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, SEALED_KEY_BYTES, message.length));
        remoteKey = IdentityBinding.verify(payload, remoteStatic, policy);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
