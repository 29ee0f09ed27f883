package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The hybrid Noise XX handshake ("XXhfs": XX plus an ML-KEM-768 exchange mixed into the same
 * chaining key), one instance per connection attempt:
 * <pre>
 *   -> e, e1                 initiator ephemeral X25519 and ML-KEM-768 public keys
 *   <- e, ee, ekem1, s, es   responder ephemeral, KEM ciphertext, static key, Ed25519 key (payload)
 *   -> s, se                 initiator static key, Ed25519 key (payload)
 * </pre>
 * Each static key is the sender's Ed25519 key mapped to X25519, so {@code es} and {@code se}
 * authenticate the Ed25519 key named in the payload (see {@link IdentityBinding}).
 * Message sizes are fixed, so any other length is refused before any crypto runs.
 */
public final class HandshakeState {
    public static final String PROTOCOL_NAME = "Metanode_XXhfs_25519+MLKEM768_ChaChaPoly_SHA256";
    public static final int MESSAGE1_BYTES = DhKeyPair.KEY_BYTES + MlKem768.PUBLIC_KEY_BYTES;
    public static final int MESSAGE2_BYTES = DhKeyPair.KEY_BYTES + sealed(MlKem768.CIPHERTEXT_BYTES)
            + sealed(DhKeyPair.KEY_BYTES) + sealed(IdentityBinding.BYTES);
    public static final int MESSAGE3_BYTES = sealed(DhKeyPair.KEY_BYTES) + sealed(IdentityBinding.BYTES);
    public static final int MESSAGE_BYTES_MAX = Math.max(MESSAGE1_BYTES, MESSAGE2_BYTES);

    private final boolean initiator;
    private final NodeIdentity local;
    private final HandshakePolicy policy;
    private final NetLimits limits;
    private final SymmetricState symmetric = new SymmetricState(PROTOCOL_NAME);
    private final HandshakeSteps steps;
    private int step;
    private HandshakeResult result;

    private HandshakeState(boolean initiator, NodeIdentity local, HandshakePolicy policy, byte[] prologue,
            NetLimits limits, SecureRandom random) {
        this.initiator = initiator;
        this.local = local;
        this.policy = policy;
        this.limits = limits;
        this.steps = new HandshakeSteps(symmetric, local, random);
        symmetric.mixHash(prologue);
    }

    /** The dialling side; {@code expectedKey} is the key we dialled (null only for tests of the allow-list). */
    public static HandshakeState initiator(NodeIdentity local, PeerAllowList allowList, PublicKey expectedKey,
            byte[] prologue, NetLimits limits, SecureRandom random) {
        HandshakePolicy policy = new HandshakePolicy(local.publicKey(), allowList, expectedKey);
        return new HandshakeState(true, local, policy, prologue, limits, random);
    }

    public static HandshakeState responder(NodeIdentity local, PeerAllowList allowList, byte[] prologue,
            NetLimits limits, SecureRandom random) {
        HandshakePolicy policy = new HandshakePolicy(local.publicKey(), allowList, null);
        return new HandshakeState(false, local, policy, prologue, limits, random);
    }

    /** The prologue both sides mix in first: a network id, so nodes of different networks never agree. */
    public static byte[] prologue(String networkId) {
        return ("metanode-bpci/2\0" + networkId).getBytes(StandardCharsets.UTF_8);
    }

    public boolean isInitiator() {
        return initiator;
    }

    /** True when the next step is ours to write. */
    public boolean isMyTurn() {
        return result == null && (step % 2 == 0) == initiator;
    }

    public boolean isComplete() {
        return result != null;
    }

    public HandshakeResult result() {
        if (result == null) {
            throw new IllegalStateException("handshake not complete");
        }
        return result;
    }

    public byte[] writeMessage() {
        if (!isMyTurn()) {
            throw new IllegalStateException("not our turn to write (step " + step + ")");
        }
        byte[] message = switch (step) {
            case 0 -> steps.writeMessage1();
            case 1 -> steps.writeMessage2();
            default -> steps.writeMessage3();
        };
        finishStep();
        return message;
    }

    /** Reads the peer's next message; refuses anything unexpected with a {@link TransportException}. */
    public void readMessage(byte[] message) {
        if (result != null || isMyTurn()) {
            throw new TransportException("unexpected handshake message at step " + step);
        }
        int expected = switch (step) {
            case 0 -> MESSAGE1_BYTES;
            case 1 -> MESSAGE2_BYTES;
            default -> MESSAGE3_BYTES;
        };
        if (message.length != expected) {
            throw new TransportException("handshake message " + (step + 1) + " has " + message.length
                    + " bytes, expected " + expected);
        }
        switch (step) {
            case 0 -> steps.readMessage1(message);
            case 1 -> steps.readMessage2(message, policy);
            default -> steps.readMessage3(message, policy);
        }
        finishStep();
    }

    private void finishStep() {
        step++;
        if (step == 3) {
            byte[][] keys = symmetric.split();
            byte[] sendKey = initiator ? keys[0] : keys[1];
            byte[] receiveKey = initiator ? keys[1] : keys[0];
            TransportCipher cipher = new TransportCipher(sendKey, receiveKey, limits);
            result = new HandshakeResult(steps.remoteKey(), cipher, symmetric.handshakeHash());
            Arrays.fill(keys[0], (byte) 0);
            Arrays.fill(keys[1], (byte) 0);
        }
    }

    private static int sealed(int plaintextBytes) {
        return plaintextBytes + ChaChaPoly.TAG_BYTES;
    }

    @Override
    public String toString() {
        return "HandshakeState[" + (initiator ? "initiator" : "responder") + ", step " + step + ", " + local + "]";
    }
}
