package dev.metanode.core.net.bench;

import dev.metanode.core.net.HandshakeState;
import dev.metanode.core.net.NetFixtures;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * thread per core; also the time each side spends alone, which bounds how many handshakes one node
 * can take part in. Also handshakes per CPU-second of the measuring threads, which neighbours on a
 * shared host disturb much less than wall-clock rates. Usage: {@code HandshakeBench [runs] [seconds-per-run]}.
 */
public final class HandshakeBench {
    private static final NetLimits LIMITS = NetLimits.defaults();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        NodeIdentity alice = NetFixtures.identity("alice");
        NodeIdentity bob = NetFixtures.identity("bob");
        PeerAllowList allowList = NetFixtures.allow(alice, bob);
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.println("warming up");
        count(alice, bob, allowList, 3, new SecureRandom(), new long[4]);
        BenchStats single = new BenchStats("handshakes/s, both sides, 1 thread", "hs/s");
        BenchStats parallel = new BenchStats("handshakes/s, both sides, " + threads + " threads", "hs/s");
        BenchStats initiatorSide = new BenchStats("initiator side alone, 1 thread", "hs/s");
        BenchStats responderSide = new BenchStats("responder side alone, 1 thread", "hs/s");
        BenchStats perCpuSecond = new BenchStats("handshakes per CPU-second, both sides", "hs/CPU-s");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int run = 0; run < runs; run++) {
            long[] sideNanos = new long[4];
            single.add(count(alice, bob, allowList, seconds, new SecureRandom(), sideNanos));
            initiatorSide.add(sideNanos[2] / (sideNanos[0] / 1e9));
            responderSide.add(sideNanos[2] / (sideNanos[1] / 1e9));
            perCpuSecond.add(sideNanos[2] / (sideNanos[3] / 1e9));
            List<Callable<Double>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> count(alice, bob, allowList, seconds, new SecureRandom(), new long[4]));
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
        System.out.println(initiatorSide.summary());
        System.out.println(responderSide.summary());
        System.out.println(perCpuSecond.summary());
    }

    /** Runs handshakes for the given time; sideNanos gets {initiator ns, responder ns, count, thread CPU ns}. */
    private static double count(NodeIdentity alice, NodeIdentity bob, PeerAllowList allowList, double seconds,
            SecureRandom random, long[] sideNanos) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        int done = 0;
        while (System.nanoTime() < deadline) {
            HandshakeState initiator = HandshakeState.initiator(alice, allowList, bob.publicKey(),
                    NetFixtures.PROLOGUE, LIMITS, random);
            HandshakeState responder = HandshakeState.responder(bob, allowList, NetFixtures.PROLOGUE, LIMITS,
                    random);
            long t0 = System.nanoTime();
            byte[] m1 = initiator.writeMessage();
            long t1 = System.nanoTime();
            responder.readMessage(m1);
            byte[] m2 = responder.writeMessage();
            long t2 = System.nanoTime();
            initiator.readMessage(m2);
            byte[] m3 = initiator.writeMessage();
            long t3 = System.nanoTime();
            responder.readMessage(m3);
            long t4 = System.nanoTime();
            sideNanos[0] += (t1 - t0) + (t3 - t2);
            sideNanos[1] += (t2 - t1) + (t4 - t3);
            sideNanos[2]++;
            done++;
        }
        sideNanos[3] += THREADS.getCurrentThreadCpuTime() - cpuStart;
        return done / ((System.nanoTime() - start) / 1e9);
    }
}
