package dev.metanode.core.net;

import static dev.metanode.core.net.NetFixtures.allow;
import static dev.metanode.core.net.NetFixtures.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentityBindingTest {
    private final NodeIdentity alice = identity("alice");
    private final NodeIdentity bob = identity("bob");
    private final NodeIdentity mallory = identity("mallory");
    private final HandshakePolicy alicePolicy = new HandshakePolicy(alice.publicKey(), allow(alice, bob), null);

    @Test
    void acceptsTheKeyWhoseMapIsTheStaticKey() {
        assertEquals(bob.publicKey(),
                IdentityBinding.verify(IdentityBinding.payload(bob), bob.staticKey().publicKey(), alicePolicy));
    }

    @Test
    void refusesAStaticKeyOfAnotherKey() {
        TransportException e = assertThrows(TransportException.class, () -> IdentityBinding.verify(
                IdentityBinding.payload(bob), mallory.staticKey().publicKey(), alicePolicy));
        assertTrue(e.getMessage().startsWith("static key of the peer is not the one of"), e.getMessage());
    }

    @Test
    void refusesAnInvalidEd25519KeyAsAProtocolViolation() {
        byte[] notAPoint = new byte[IdentityBinding.BYTES];
        notAPoint[0] = 2; // y = 2 is not the y of any point of Edwards25519
        TransportException e = assertThrows(TransportException.class,
                () -> IdentityBinding.verify(notAPoint, bob.staticKey().publicKey(), alicePolicy));
        assertEquals("peer named an invalid Ed25519 key", e.getMessage());
        assertThrows(TransportException.class,
                () -> IdentityBinding.verify(new byte[31], bob.staticKey().publicKey(), alicePolicy));
    }

    @Test
    void checksThePolicyBeforeTheBinding() {
        TransportException e = assertThrows(TransportException.class, () -> IdentityBinding.verify(
                IdentityBinding.payload(mallory), mallory.staticKey().publicKey(), alicePolicy));
        assertEquals(Misbehaviour.NOT_ALLOWED, e.misbehaviour());
    }
}
