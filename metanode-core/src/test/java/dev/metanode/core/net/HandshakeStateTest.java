package dev.metanode.core.net;

import static dev.metanode.core.net.NetFixtures.PROLOGUE;
import static dev.metanode.core.net.NetFixtures.allow;
import static dev.metanode.core.net.NetFixtures.identity;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class HandshakeStateTest {
    private final NetLimits limits = NetLimits.defaults();
    private final NodeIdentity alice = identity("alice");
    private final NodeIdentity bob = identity("bob");
    private final NodeIdentity mallory = identity("mallory");

    @Test
    void completesWithProvenKeysAndSameHash() {
        HandshakeState[] states = NetFixtures.handshake(alice, bob, limits);
        HandshakeResult initiator = states[0].result();
        HandshakeResult responder = states[1].result();
        assertEquals(bob.publicKey(), initiator.remoteKey());
        assertEquals(alice.publicKey(), responder.remoteKey());
        assertArrayEquals(initiator.handshakeHash(), responder.handshakeHash());

        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] frame = initiator.cipher().sealFrame(hello, 0, hello.length);
        byte[] body = NetFixtures.body(frame);
        assertArrayEquals(hello, responder.cipher().openFrame(body, 0, body.length));
    }

    @Test
    void messageSizesAreFixed() {
        HandshakeState initiator = HandshakeState.initiator(alice, allow(alice, bob), bob.publicKey(), PROLOGUE,
                limits, new SecureRandom());
        HandshakeState responder = HandshakeState.responder(bob, allow(alice, bob), PROLOGUE, limits,
                new SecureRandom());
        byte[] m1 = initiator.writeMessage();
        assertEquals(HandshakeState.MESSAGE1_BYTES, m1.length);
        responder.readMessage(m1);
        byte[] m2 = responder.writeMessage();
        assertEquals(HandshakeState.MESSAGE2_BYTES, m2.length);
        initiator.readMessage(m2);
        byte[] m3 = initiator.writeMessage();
        assertEquals(HandshakeState.MESSAGE3_BYTES, m3.length);
        responder.readMessage(m3);
        assertTrue(initiator.isComplete() && responder.isComplete());
    }

    @Test
    void refusesWrongIdentity() {
        // Alice dials expecting Bob, but Mallory (also allow-listed) answers.
        PeerAllowList allowList = allow(alice, bob, mallory);
        HandshakeState initiator = HandshakeState.initiator(alice, allowList, bob.publicKey(), PROLOGUE, limits,
                new SecureRandom());
        HandshakeState responder = HandshakeState.responder(mallory, allowList, PROLOGUE, limits,
                new SecureRandom());
        responder.readMessage(initiator.writeMessage());
        TransportException e = assertThrows(TransportException.class,
                () -> initiator.readMessage(responder.writeMessage()));
        assertTrue(e.getMessage().startsWith("wrong identity"), e.getMessage());
    }

    @Test
    void staticKeysAreTheEd25519KeysMappedToX25519() {
        assertArrayEquals(bob.publicKey().x25519PublicKey(), bob.staticKey().publicKey());
        assertArrayEquals(alice.publicKey().x25519PublicKey(), alice.staticKey().publicKey());
    }

    @Test
    void refusesResponderNamingAKeyItsStaticKeyDoesNotBelongTo() {
        // Mallory answers with her own static key but names Bob's Ed25519 key, whom Alice dialled.
        NodeIdentity fakeBob = new NodeIdentity(bob.publicKey(), mallory.staticKey());
        HandshakeState initiator = HandshakeState.initiator(alice, allow(alice, bob), bob.publicKey(), PROLOGUE,
                limits, new SecureRandom());
        HandshakeState responder = HandshakeState.responder(fakeBob, allow(alice, bob), PROLOGUE, limits,
                new SecureRandom());
        responder.readMessage(initiator.writeMessage());
        TransportException e = assertThrows(TransportException.class,
                () -> initiator.readMessage(responder.writeMessage()));
        assertTrue(e.getMessage().startsWith("static key of the peer is not the one of"), e.getMessage());
    }

    @Test
    void refusesInitiatorNamingAKeyItsStaticKeyDoesNotBelongTo() {
        NodeIdentity fakeAlice = new NodeIdentity(alice.publicKey(), mallory.staticKey());
        HandshakeState initiator = HandshakeState.initiator(fakeAlice, allow(alice, bob), bob.publicKey(),
                PROLOGUE, limits, new SecureRandom());
        HandshakeState responder = HandshakeState.responder(bob, allow(alice, bob), PROLOGUE, limits,
                new SecureRandom());
        responder.readMessage(initiator.writeMessage());
        initiator.readMessage(responder.writeMessage());
        TransportException e = assertThrows(TransportException.class,
                () -> responder.readMessage(initiator.writeMessage()));
        assertTrue(e.getMessage().startsWith("static key of the peer is not the one of"), e.getMessage());
    }

    @Test
    void refusesStaticKeyOfTheNamedKeysNegation() {
        // -A maps to the same X25519 key as A; only the holder of A's secret can use it, and the
        // allow-list decides which of the two encodings is the identity.
        byte[] negated = bob.publicKey().bytes();
        negated[31] ^= (byte) 0x80;
        NodeIdentity negatedBob = new NodeIdentity(dev.metanode.core.crypto.PublicKey.fromBytes(negated),
                bob.staticKey());
        HandshakeState initiator = HandshakeState.initiator(alice, allow(alice, bob), null, PROLOGUE, limits,
                new SecureRandom());
        HandshakeState responder = HandshakeState.responder(negatedBob, allow(alice, bob), PROLOGUE, limits,
                new SecureRandom());
        responder.readMessage(initiator.writeMessage());
        TransportException e = assertThrows(TransportException.class,
                () -> initiator.readMessage(responder.writeMessage()));
        assertTrue(e.getMessage().contains("not on the allow-list"), e.getMessage());
    }

    @Test
    void refusesInitiatorNotOnAllowList() {
        HandshakeState initiator = HandshakeState.initiator(mallory, allow(alice, mallory), alice.publicKey(),
                PROLOGUE, limits, new SecureRandom());
        HandshakeState responder = HandshakeState.responder(alice, allow(alice, bob), PROLOGUE, limits,
                new SecureRandom());
        responder.readMessage(initiator.writeMessage());
        initiator.readMessage(responder.writeMessage());
        TransportException e = assertThrows(TransportException.class,
                () -> responder.readMessage(initiator.writeMessage()));
        assertTrue(e.getMessage().contains("not on the allow-list"), e.getMessage());
    }

    @Test
    void refusesTamperedMessage() {
        HandshakeState initiator = HandshakeState.initiator(alice, allow(alice, bob), bob.publicKey(), PROLOGUE,
                limits, new SecureRandom());
        HandshakeState responder = HandshakeState.responder(bob, allow(alice, bob), PROLOGUE, limits,
                new SecureRandom());
        byte[] m1 = initiator.writeMessage();
        m1[40] ^= 1; // inside the ML-KEM public key: hashed, so the responder's later tags fail for the initiator
        responder.readMessage(m1);
        assertThrows(TransportException.class, () -> initiator.readMessage(responder.writeMessage()));
    }

    @Test
    void refusesOtherNetwork() {
        HandshakeState initiator = HandshakeState.initiator(alice, allow(alice, bob), bob.publicKey(), PROLOGUE,
                limits, new SecureRandom());
        HandshakeState responder = HandshakeState.responder(bob, allow(alice, bob),
                HandshakeState.prologue("other-net"), limits, new SecureRandom());
        responder.readMessage(initiator.writeMessage());
        assertThrows(TransportException.class, () -> initiator.readMessage(responder.writeMessage()));
    }

    @Test
    void refusesWrongLengthAndOutOfTurnMessages() {
        HandshakeState responder = HandshakeState.responder(bob, allow(alice, bob), PROLOGUE, limits,
                new SecureRandom());
        assertThrows(TransportException.class, () -> responder.readMessage(new byte[10]));
        HandshakeState initiator = HandshakeState.initiator(alice, allow(alice, bob), bob.publicKey(), PROLOGUE,
                limits, new SecureRandom());
        assertThrows(TransportException.class, () -> initiator.readMessage(new byte[HandshakeState.MESSAGE1_BYTES]));
    }

    @Test
    void refusesConnectionToOurselves() {
        HandshakeState[] states = new HandshakeState[2];
        states[0] = HandshakeState.initiator(alice, allow(alice), null, PROLOGUE, limits, new SecureRandom());
        states[1] = HandshakeState.responder(alice, allow(alice), PROLOGUE, limits, new SecureRandom());
        states[1].readMessage(states[0].writeMessage());
        assertThrows(TransportException.class, () -> states[0].readMessage(states[1].writeMessage()));
    }
}
