package dev.metanode.core.net.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.net.Message;
import dev.metanode.core.net.MessageType;
import dev.metanode.core.net.NetConfig;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import dev.metanode.core.net.PeerStats;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two or three real nodes in this JVM over loopback sockets. */
@Timeout(30)
class NettyPeerNetworkTest {
    private static final MessageType PING = new MessageType(1, "ping", 1, 1);
    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final NodeIdentity alice = NetFixtures.identity("alice");
    private final NodeIdentity bob = NetFixtures.identity("bob");
    private final NodeIdentity carol = NetFixtures.identity("carol");
    private final PeerAllowList allowList = NetFixtures.allow(alice, bob, carol);
    private final List<NettyPeerNetwork> networks = new java.util.ArrayList<>();

    private NettyPeerNetwork node(NodeIdentity identity) {
        NettyPeerNetwork network = new NettyPeerNetwork(identity, allowList, NetConfig.defaults("test-net"),
                Clock.SYSTEM, new SplittableRandom(7));
        networks.add(network);
        return network;
    }

    @AfterEach
    void closeAll() {
        networks.forEach(NettyPeerNetwork::close);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }

    @Test
    void directMessagesGossipAndStats() throws Exception {
        NettyPeerNetwork a = node(alice);
        NettyPeerNetwork b = node(bob);
        NettyPeerNetwork c = node(carol);
        BlockingQueue<String> atC = new LinkedBlockingQueue<>();
        c.subscribe(PING, (from, m) -> atC.add(from.fingerprint() + ":" + new String(m.payload())));
        b.subscribe(PING, (from, m) -> { });
        a.subscribe(PING, (from, m) -> { });
        InetSocketAddress bAddress = b.start(ANY_LOOPBACK);
        InetSocketAddress cAddress = c.start(ANY_LOOPBACK);
        a.connect(bAddress, bob.publicKey());
        b.connect(cAddress, carol.publicKey());
        await(() -> a.connectedPeers().size() == 1 && b.connectedPeers().size() == 2);

        assertTrue(b.send(carol.publicKey(), PING.message("direct".getBytes())));
        assertEquals(bob.publicKey().fingerprint() + ":direct", atC.poll(5, TimeUnit.SECONDS));
        assertEquals(1, a.broadcast(PING.message("gossip".getBytes())));
        assertEquals(bob.publicKey().fingerprint() + ":gossip", atC.poll(5, TimeUnit.SECONDS), "relayed by bob");
        assertFalse(a.send(carol.publicKey(), PING.message(new byte[0])), "not connected to carol");
        assertTrue(a.writable(bob.publicKey()));
        assertFalse(a.writable(carol.publicKey()));

        PeerStats stats = a.stats().get(0);
        assertEquals(bob.publicKey(), stats.key());
        assertTrue(stats.outbound());
        assertEquals(1, stats.messagesOut());
        assertEquals(bAddress, stats.remoteAddress());
        assertTrue(stats.bytesOut() > 0);
    }

    @Test
    void reconnectsAfterThePeerRestarts() throws Exception {
        NettyPeerNetwork a = node(alice);
        NettyPeerNetwork b = node(bob);
        InetSocketAddress bAddress = b.start(ANY_LOOPBACK);
        a.connect(bAddress, bob.publicKey());
        await(() -> a.connectedPeers().contains(bob.publicKey()));
        b.close();
        await(() -> a.connectedPeers().isEmpty());
        NettyPeerNetwork b2 = node(bob);
        b2.start(bAddress);
        await(() -> a.connectedPeers().contains(bob.publicKey()));
        await(() -> b2.connectedPeers().contains(alice.publicKey()));
    }

    @Test
    void simultaneousDialsKeepOneConnection() throws Exception {
        NettyPeerNetwork a = node(alice);
        NettyPeerNetwork b = node(bob);
        InetSocketAddress aAddress = a.start(ANY_LOOPBACK);
        InetSocketAddress bAddress = b.start(ANY_LOOPBACK);
        a.connect(bAddress, bob.publicKey());
        b.connect(aAddress, alice.publicKey());
        await(() -> a.connectedPeers().size() == 1 && b.connectedPeers().size() == 1);
        Thread.sleep(300);
        PublicKey aSees = a.connectedPeers().iterator().next();
        assertEquals(bob.publicKey(), aSees);
        b.subscribe(PING, (from, m) -> { });
        a.subscribe(PING, (from, m) -> { });
        assertTrue(a.send(bob.publicKey(), PING.message(new byte[] {1})));
        await(() -> b.stats().size() == 1 && b.stats().get(0).messagesIn() == 1);
        assertEquals(a.stats().get(0).outbound(), !b.stats().get(0).outbound(), "both ends kept the same connection");
    }

    @Test
    void droppingAKeyFromTheAllowListClosesItsConnection() throws Exception {
        NettyPeerNetwork a = node(alice);
        NettyPeerNetwork b = node(bob);
        a.connect(b.start(ANY_LOOPBACK), bob.publicKey());
        await(() -> b.connectedPeers().size() == 1);
        b.replaceAllowList(java.util.Set.of(bob.publicKey(), carol.publicKey()));
        await(() -> b.connectedPeers().isEmpty());
        await(() -> a.connectedPeers().isEmpty());
    }

    @Test
    void stopsAMessageOfUnknownType() throws Exception {
        NettyPeerNetwork a = node(alice);
        NettyPeerNetwork b = node(bob);
        a.subscribe(PING, (from, m) -> { });
        a.connect(b.start(ANY_LOOPBACK), bob.publicKey());
        // Each end finishes its half of the handshake on its own; wait for both before sending.
        await(() -> b.connectedPeers().size() == 1 && a.connectedPeers().contains(bob.publicKey()));
        assertTrue(a.send(bob.publicKey(), new Message(999, 1, new byte[0])));
        await(() -> b.stats().get(0).messagesIn() == 1);
        assertEquals(1, b.connectedPeers().size(), "an unknown type does not cut the connection");
        assertEquals(1, b.stats().get(0).messagesUnknown());
    }
}
