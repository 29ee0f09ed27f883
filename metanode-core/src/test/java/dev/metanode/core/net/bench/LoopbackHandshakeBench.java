package dev.metanode.core.net.bench;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.HandshakeState;
import dev.metanode.core.net.NetConfig;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import dev.metanode.core.net.TrafficCounters;
import dev.metanode.core.net.TransportException;
import dev.metanode.core.net.netty.ChannelSetup;
import dev.metanode.core.net.netty.HandshakeCompleted;
import dev.metanode.core.net.netty.NettyPeerNetwork;
import dev.metanode.core.net.netty.PeerEvents;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hybrid handshakes per second over loopback TCP, against a real {@link NettyPeerNetwork}: a
 * client keeps {@code concurrency} connections in flight, each closed as soon as its handshake
 * ends. Both ends run in this JVM, so the figure counts the work of both sides, as in
 * {@link HandshakeBench}. Usage: {@code LoopbackHandshakeBench [runs] [seconds] [concurrency]}.
 */
public final class LoopbackHandshakeBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        NodeIdentity alice = NetFixtures.identity("alice");
        NodeIdentity bob = NetFixtures.identity("bob");
        PeerAllowList allowList = NetFixtures.allow(alice, bob);
        NetConfig config = NetConfig.defaults("bench");
        AtomicLong done = new AtomicLong();
        Semaphore inFlight = new Semaphore(concurrency);
        ExecutorService workers = Executors.newFixedThreadPool(config.ioThreads());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (NettyPeerNetwork server = new NettyPeerNetwork(alice, allowList, config, Clock.SYSTEM,
                new SplittableRandom(1))) {
            InetSocketAddress address = server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ChannelSetup setup = new ChannelSetup(bob, allowList, HandshakeState.prologue("bench"), config.limits(),
                    new SecureRandom(), new CloseOnHandshake(done, inFlight), workers);
            Bootstrap client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            setup.install(channel.pipeline(), alice.publicKey());
                        }
                    });
            BenchStats stats = new BenchStats("loopback handshakes/s, " + concurrency + " in flight", "hs/s");
            for (int run = 0; run <= runs; run++) {
                double rate = measure(client, address, inFlight, done, seconds);
                if (run > 0) { // run 0 warms up
                    stats.add(rate);
                }
            }
            System.out.println();
            System.out.println(stats.summary());
        } finally {
            group.shutdownGracefully();
            workers.shutdownNow();
        }
        System.exit(0);
    }

    private static double measure(Bootstrap client, InetSocketAddress address, Semaphore inFlight, AtomicLong done,
            double seconds) throws InterruptedException {
        long base = done.get();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            inFlight.acquire();
            // Every attempt, failed or not, ends with its channel closed: that frees its slot.
            Channel channel = client.connect(address).channel();
            channel.closeFuture().addListener(f -> inFlight.release());
        }
        return (done.get() - base) / ((System.nanoTime() - start) / 1e9);
    }

    /** Counts a finished handshake and closes the connection (its close frees a slot). */
    private record CloseOnHandshake(AtomicLong done, Semaphore inFlight) implements PeerEvents {
        @Override
        public void onConnected(Channel channel, HandshakeCompleted handshake, TrafficCounters counters) {
            done.incrementAndGet();
            channel.close();
        }

        @Override
        public void onEnvelope(PublicKey from, Envelope envelope) {}

        @Override
        public void onDisconnected(Channel channel, PublicKey key) {}

        @Override
        public void onViolation(Channel channel, PublicKey key, TransportException violation) {
            System.err.println("violation: " + violation.getMessage());
        }
    }
}
