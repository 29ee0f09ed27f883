package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.net.MessageType;
import dev.metanode.core.net.NetConfig;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node of {@link GossipProcessesTest}, in its own JVM. It talks to the test over stdin/stdout:
 * prints {@code LISTEN port}; reads {@code PEERS p0,p1,...}; dials its ring neighbour; prints
 * {@code READY} once both neighbours are connected; reads {@code GO}; gossips its messages; prints
 * {@code DONE distinct deliveries} once it has every other node's messages; reads {@code EXIT}.
 */
public final class GossipNodeMain {
    static final MessageType CHAT = new MessageType(42, "chat", 1, 1);

    public static void main(String[] args) throws Exception {
        int index = Integer.parseInt(args[0]);
        int nodes = Integer.parseInt(args[1]);
        int messagesPerNode = Integer.parseInt(args[2]);
        Set<PublicKey> keys = new HashSet<>();
        for (int i = 0; i < nodes; i++) {
            keys.add(NetFixtures.key("node" + i).publicKey());
        }
        NodeIdentity identity = NodeIdentity.create(NetFixtures.key("node" + index));
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (NettyPeerNetwork network = new NettyPeerNetwork(identity, new PeerAllowList(keys),
                NetConfig.defaults("gossip-test"), Clock.SYSTEM, new SplittableRandom(index))) {
            network.subscribe(CHAT, (from, message) -> {
                deliveries.computeIfAbsent(new String(message.payload(), StandardCharsets.UTF_8),
                        k -> new AtomicInteger()).incrementAndGet();
                total.incrementAndGet();
            });
            int port = network.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).getPort();
            say("LISTEN " + port);
            String[] ports = expect(in, "PEERS").substring(6).split(",");
            int next = (index + 1) % nodes;
            network.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(ports[next])),
                    NetFixtures.key("node" + next).publicKey());
            while (network.connectedPeers().size() < 2) {
                Thread.sleep(5);
            }
            say("READY");
            expect(in, "GO");
            for (int j = 0; j < messagesPerNode; j++) {
                network.broadcast(CHAT.message(("from " + index + " #" + j).getBytes(StandardCharsets.UTF_8)));
            }
            long waitedMs = 0;
            while (deliveries.size() < (nodes - 1) * messagesPerNode) {
                Thread.sleep(5);
                waitedMs += 5;
                if (waitedMs % 5_000 == 0) {
                    // Progress for whoever reads our stderr when the test times out.
                    System.err.println("node " + index + " has " + deliveries.size() + " distinct; peers "
                            + network.stats() + "; gossip " + network.gossipStats());
                }
            }
            Thread.sleep(200); // let late duplicates arrive, so they would be counted
            say("DONE " + deliveries.size() + " " + total.get());
            expect(in, "EXIT");
        }
        System.exit(0);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static String expect(BufferedReader in, String command) throws Exception {
        String line = in.readLine();
        if (line == null || !line.startsWith(command)) {
            throw new IllegalStateException("expected " + command + ", got " + line);
        }
        return line;
    }
}
