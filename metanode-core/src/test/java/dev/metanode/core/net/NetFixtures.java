package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Set;

/** Deterministic keys and finished handshakes for the transport tests. */
public final class NetFixtures {
    public static final byte[] PROLOGUE = HandshakeState.prologue("test-net");

    private NetFixtures() {}

    public static SigningKey key(String name) {
        return SigningKey.fromSeed(Sha256.digest(name.getBytes(StandardCharsets.UTF_8)));
    }

    public static NodeIdentity identity(String name) {
        return NodeIdentity.create(key(name));
    }

    public static PeerAllowList allow(NodeIdentity... identities) {
        java.util.Set<PublicKey> keys = new java.util.HashSet<>();
        for (NodeIdentity identity : identities) {
            keys.add(identity.publicKey());
        }
        return new PeerAllowList(Set.copyOf(keys));
    }

    /** Runs the three messages between two fresh states; returns {initiator, responder}. */
    public static HandshakeState[] handshake(NodeIdentity a, NodeIdentity b, NetLimits limits) {
        PeerAllowList allowList = allow(a, b);
        HandshakeState initiator = HandshakeState.initiator(a, allowList, b.publicKey(), PROLOGUE, limits,
                new SecureRandom());
        HandshakeState responder = HandshakeState.responder(b, allowList, PROLOGUE, limits, new SecureRandom());
        run(initiator, responder);
        return new HandshakeState[] {initiator, responder};
    }

    public static void run(HandshakeState initiator, HandshakeState responder) {
        responder.readMessage(initiator.writeMessage());
        initiator.readMessage(responder.writeMessage());
        responder.readMessage(initiator.writeMessage());
    }

    /** {initiator's cipher, responder's cipher} of a completed handshake. */
    public static TransportCipher[] ciphers(NetLimits limits) {
        HandshakeState[] states = handshake(identity("alice"), identity("bob"), limits);
        return new TransportCipher[] {states[0].result().cipher(), states[1].result().cipher()};
    }

    /**
     * A cipher pair with fixed keys, without a handshake: for tests that need thousands of fresh
     * pairs and test framing and AEAD, not key agreement.
     */
    public static TransportCipher[] fixedCiphers(NetLimits limits) {
        byte[] k1 = new byte[32];
        byte[] k2 = new byte[32];
        java.util.Arrays.fill(k1, (byte) 1);
        java.util.Arrays.fill(k2, (byte) 2);
        return new TransportCipher[] {new TransportCipher(k1, k2, limits), new TransportCipher(k2, k1, limits)};
    }

    /** The body of a sealed frame, without its length prefix. */
    public static byte[] body(byte[] frame) {
        return java.util.Arrays.copyOfRange(frame, FrameFormat.LENGTH_BYTES, frame.length);
    }
}
