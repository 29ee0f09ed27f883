package dev.metanode.core.net.bench;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.net.MessageType;
import dev.metanode.core.net.NetConfig;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.OutboundBudget;
import dev.metanode.core.net.PeerAllowList;
import dev.metanode.core.net.netty.NettyPeerNetwork;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Two nodes in this JVM on loopback, one event-loop thread each: messages per second with 256-byte
 * payloads and MB/s with 64 KiB payloads, for our transport and for plain TLS 1.3 (AES-128-GCM and
 * ChaCha20-Poly1305) in the same run.
 * Usage: {@code ThroughputBench [runs] [small-count] [large-count] [ours]}.
 */
public final class ThroughputBench {
    private static final MessageType BENCH = new MessageType(9, "bench", 1, 1);
    private static final int SMALL_BYTES = 256;
    private static final int LARGE_BYTES = 64 * 1024;
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int smallCount = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        int largeCount = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        NetLimits limits = NetLimits.defaults();
        NodeIdentity alice = NetFixtures.identity("alice");
        NodeIdentity bob = NetFixtures.identity("bob");
        PeerAllowList allowList = NetFixtures.allow(alice, bob);
        NetConfig config = new NetConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "bench",
                limits, 1);
        AtomicLong received = new AtomicLong();
        try (NettyPeerNetwork receiver = new NettyPeerNetwork(alice, allowList, config, Clock.SYSTEM,
                new SplittableRandom(1));
                NettyPeerNetwork sender = new NettyPeerNetwork(bob, allowList, config, Clock.SYSTEM,
                        new SplittableRandom(2));
                TlsLink aes = new TlsLink(null, limits.frameBytesMax(), budget(limits));
                TlsLink chacha = new TlsLink("TLS_CHACHA20_POLY1305_SHA256", limits.frameBytesMax(), budget(limits))) {
            receiver.subscribe(BENCH, (from, m) -> received.incrementAndGet());
            sender.connect(receiver.start(config.listenAddress()), alice.publicKey());
            while (sender.connectedPeers().isEmpty() || receiver.connectedPeers().isEmpty()) {
                Thread.sleep(10);
            }
            PublicKey to = alice.publicKey();
            Lane[] all = {
                new Lane("metanode (hybrid Noise, ChaCha20-Poly1305)",
                        p -> sender.send(to, BENCH.message(p)), received::get),
                new Lane("TLS 1.3 AES-128-GCM", aes::send, aes::received),
                new Lane("TLS 1.3 ChaCha20-Poly1305", chacha::send, chacha::received)};
            // "ours" as a fourth argument skips the TLS lanes, for quick A/B runs of a change.
            Lane[] lanes = args.length > 3 && args[3].equals("ours") ? new Lane[] {all[0]} : all;
            System.out.println("warming up");
            for (Lane lane : lanes) {
                measure(lane, SMALL_BYTES, smallCount / 5);
                measure(lane, LARGE_BYTES, largeCount / 5);
            }
            BenchStats[][] stats = new BenchStats[lanes.length][4];
            for (int i = 0; i < lanes.length; i++) {
                stats[i][0] = new BenchStats(lanes[i].name + ", 256 B", "msg/s");
                stats[i][1] = new BenchStats(lanes[i].name + ", 256 B", "msg/CPU-s");
                stats[i][2] = new BenchStats(lanes[i].name + ", 64 KiB", "MB/s");
                stats[i][3] = new BenchStats(lanes[i].name + ", 64 KiB", "MB/CPU-s");
            }
            double largeMb = (double) largeCount * LARGE_BYTES / 1e6;
            for (int run = 0; run < runs; run++) {
                for (int i = 0; i < lanes.length; i++) {
                    double[] small = measure(lanes[i], SMALL_BYTES, smallCount);
                    stats[i][0].add(smallCount / small[0]);
                    stats[i][1].add(smallCount / small[1]);
                    double[] large = measure(lanes[i], LARGE_BYTES, largeCount);
                    stats[i][2].add(largeMb / large[0]);
                    stats[i][3].add(largeMb / large[1]);
                }
            }
            System.out.println();
            for (int column = 0; column < 4; column++) {
                for (BenchStats[] lane : stats) {
                    System.out.println(lane[column].summary());
                }
            }
        }
        System.exit(0);
    }

    private static OutboundBudget budget(NetLimits limits) {
        return new OutboundBudget(limits.outboundQueueFramesMax(), limits.outboundQueueBytesMax());
    }

    /**
     * Sends count messages; returns {wall seconds until the receiver has them all, CPU seconds this
     * JVM spent meanwhile}. CPU seconds do not grow when other processes load the machine, so they
     * compare the protocols fairly on a shared host.
     */
    private static double[] measure(Lane lane, int payloadBytes, int count) {
        byte[] payload = new byte[payloadBytes];
        long base = lane.received.getAsLong();
        long cpuStart = CPU.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            while (!lane.send.test(payload)) {
                LockSupport.parkNanos(20_000); // backpressure: the peer's queue is full
            }
        }
        while (lane.received.getAsLong() - base < count) {
            LockSupport.parkNanos(20_000);
        }
        return new double[] {(System.nanoTime() - start) / 1e9, (CPU.getProcessCpuTime() - cpuStart) / 1e9};
    }

    private record Lane(String name, Predicate<byte[]> send, LongSupplier received) {}
}
