package dev.metanode.core.net.netty;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.net.Misbehaviour;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.ManualClock;
import dev.metanode.core.net.TransportException;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.junit.jupiter.api.Test;

class PeerGuardTest {
    private final PeerGuard guard = new PeerGuard(NetLimits.defaults(), new ManualClock());

    private static EmbeddedChannel from(String ip) throws Exception {
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(ip), 40_000);
        return new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return remote;
            }
        };
    }

    @Test
    void bansAnAddressThatProvedAKeyNotAllowed() throws Exception {
        EmbeddedChannel stranger = from("192.0.2.7");
        guard.penalize(stranger, null, new TransportException(Misbehaviour.NOT_ALLOWED, "not on the allow-list"));
        assertFalse(guard.admits(stranger));
        assertTrue(guard.admits(from("192.0.2.8")));
    }

    @Test
    void neverBansLoopback() throws Exception {
        EmbeddedChannel local = from("127.0.0.1");
        for (int i = 0; i < 5; i++) {
            guard.penalize(local, null, new TransportException(Misbehaviour.NOT_ALLOWED, "not on the allow-list"));
        }
        assertTrue(guard.admits(local));
    }

    @Test
    void badFramesAfterTheHandshakeCountAgainstTheKey() throws Exception {
        EmbeddedChannel peer = from("127.0.0.1");
        var key = NetFixtures.key("bob").publicKey();
        guard.penalize(peer, key, new TransportException("tampered"));
        assertTrue(guard.admits(key));
        guard.penalize(peer, key, new TransportException("tampered"));
        assertFalse(guard.admits(key));
    }
}
