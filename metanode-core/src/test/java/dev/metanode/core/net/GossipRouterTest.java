package dev.metanode.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.metanode.core.crypto.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routers wired in memory: a line and a ring of nodes, messages passed synchronously. */
class GossipRouterTest {
    private static final MessageType CHAT = new MessageType(7, "chat", 1, 1);
    private final ManualClock clock = new ManualClock();
    private final Map<PublicKey, GossipRouter> routers = new LinkedHashMap<>();
    private final Map<PublicKey, List<PublicKey>> edges = new HashMap<>();
    private final Map<PublicKey, List<Message>> delivered = new HashMap<>();

    private PublicKey node(String name, int hopsMax) {
        PublicKey key = NetFixtures.key(name).publicKey();
        edges.put(key, new ArrayList<>());
        delivered.put(key, new ArrayList<>());
        GossipRouter.Links links = new GossipRouter.Links() {
            @Override
            public Collection<PublicKey> peers() {
                return edges.get(key);
            }

            @Override
            public boolean send(PublicKey peer, Envelope envelope) {
                Envelope wire = Envelope.decode(envelope.encode());
                routers.get(peer).onGossip(key, wire);
                return true;
            }
        };
        MessageRegistry registry = new MessageRegistry().register(CHAT);
        routers.put(key, new GossipRouter(registry, new DedupCache(1000, 60_000, clock), hopsMax, links,
                (from, message) -> delivered.get(key).add(message)));
        return key;
    }

    private void link(PublicKey a, PublicKey b) {
        edges.get(a).add(b);
        edges.get(b).add(a);
    }

    @Test
    void ringDeliversEachMessageOnceEverywhere() {
        List<PublicKey> ring = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ring.add(node("n" + i, 8));
        }
        for (int i = 0; i < 5; i++) {
            link(ring.get(i), ring.get((i + 1) % 5));
        }
        Message hello = CHAT.message("hello".getBytes());
        assertEquals(2, routers.get(ring.get(0)).broadcast(hello));
        assertTrue(delivered.get(ring.get(0)).isEmpty(), "not delivered to its origin");
        for (int i = 1; i < 5; i++) {
            assertEquals(List.of(hello), delivered.get(ring.get(i)));
        }
        long duplicates = routers.values().stream().mapToLong(GossipRouter::duplicates).sum();
        assertTrue(duplicates > 0, "the ring carried echoes, and dedup dropped them");
    }

    @Test
    void hopLimitStopsRelaying() {
        List<PublicKey> line = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            line.add(node("l" + i, 2));
        }
        for (int i = 0; i < 4; i++) {
            link(line.get(i), line.get(i + 1));
        }
        routers.get(line.get(0)).broadcast(CHAT.message(new byte[] {1}));
        assertEquals(1, delivered.get(line.get(1)).size());
        assertEquals(1, delivered.get(line.get(2)).size());
        assertEquals(0, delivered.get(line.get(3)).size(), "two hops, no further");
    }

    @Test
    void unknownTypesAreNeitherDeliveredNorRelayed() {
        PublicKey a = node("a", 8);
        PublicKey b = node("b", 8);
        link(a, b);
        assertFalse(routers.get(b).onGossip(a, Envelope.gossip(new Message(99, 1, new byte[0]), 1)));
        assertFalse(routers.get(b).onGossip(a, Envelope.gossip(new Message(7, 2, new byte[0]), 1)));
        assertTrue(delivered.get(b).isEmpty());
    }
}
