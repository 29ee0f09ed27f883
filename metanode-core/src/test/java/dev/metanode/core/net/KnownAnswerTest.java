package dev.metanode.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire protocol: HKDF against RFC 5869, and a whole handshake with seeded randomness
 * against a recorded transcript hash. If the second one changes, old and new nodes can no longer
 * talk: change the prologue version ({@link HandshakeState#prologue}) with it, and
 * {@link HandshakeState#PROTOCOL_NAME} too when the primitives change.
 */
class KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hkdfMatchesRfc5869TestCase3() {
        // Zero-length salt is HMAC with 32 zero bytes, which is what Noise's HKDF does with ck = 0^32.
        byte[] ikm = new byte[22];
        java.util.Arrays.fill(ikm, (byte) 0x0b);
        byte[][] out = new SymmetricState("x").hkdf(new byte[32], ikm);
        String okm = HEX.formatHex(out[0]) + HEX.formatHex(out[1]);
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                okm.substring(0, 84));
    }

    @Test
    void handshakeTranscriptIsStable() throws NoSuchAlgorithmException {
        NodeIdentity alice = NodeIdentity.create(NetFixtures.key("alice"));
        NodeIdentity bob = NodeIdentity.create(NetFixtures.key("bob"));
        PeerAllowList both = NetFixtures.allow(alice, bob);
        HandshakeState initiator = HandshakeState.initiator(alice, both, bob.publicKey(), NetFixtures.PROLOGUE,
                NetLimits.defaults(), seeded(3));
        HandshakeState responder = HandshakeState.responder(bob, both, NetFixtures.PROLOGUE, NetLimits.defaults(),
                seeded(4));
        NetFixtures.run(initiator, responder);
        assertEquals("2b0c082cd256e91f62f115660bb10f8c3d61e054a9b06e0634ff5a3722ce0b66", HEX.formatHex(initiator.result().handshakeHash()));
    }

    private static SecureRandom seeded(int seed) throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(new byte[] {(byte) seed});
        return random;
    }
}
