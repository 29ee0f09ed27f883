package dev.metanode.core.net.bench;

import dev.metanode.core.net.HandshakeState;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hybrid handshakes per second, in memory (no sockets): each handshake runs both sides, so one
 * "handshake" here is the work of an initiator plus a responder. Runs single-threaded and with one
 * thread per core. Usage: {@code HandshakeBench [runs] [seconds-per-run]}.
 */
public final class HandshakeBench {
    private static final NetLimits LIMITS = NetLimits.defaults();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        NodeIdentity alice = NetFixtures.identity("alice");
        NodeIdentity bob = NetFixtures.identity("bob");
        PeerAllowList allowList = NetFixtures.allow(alice, bob);
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.println("warming up");
        count(alice, bob, allowList, 3, new SecureRandom());
        BenchStats single = new BenchStats("handshakes/s, both sides, 1 thread", "hs/s");
        BenchStats parallel = new BenchStats("handshakes/s, both sides, " + threads + " threads", "hs/s");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int run = 0; run < runs; run++) {
            single.add(count(alice, bob, allowList, seconds, new SecureRandom()));
            List<Callable<Double>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> count(alice, bob, allowList, seconds, new SecureRandom()));
            }
            double total = 0;
            for (Future<Double> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            parallel.add(total);
        }
        pool.shutdown();
        System.out.println();
        System.out.println(single.summary());
        System.out.println(parallel.summary());
    }

    private static double count(NodeIdentity alice, NodeIdentity bob, PeerAllowList allowList, double seconds,
            SecureRandom random) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int done = 0;
        while (System.nanoTime() < deadline) {
            HandshakeState initiator = HandshakeState.initiator(alice, allowList, bob.publicKey(),
                    NetFixtures.PROLOGUE, LIMITS, random);
            HandshakeState responder = HandshakeState.responder(bob, allowList, NetFixtures.PROLOGUE, LIMITS,
                    random);
            NetFixtures.run(initiator, responder);
            done++;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }
}
