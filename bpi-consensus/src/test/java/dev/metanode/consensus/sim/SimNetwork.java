package dev.metanode.consensus.sim;

import dev.metanode.core.crypto.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The simulated network: every message becomes a delivery event at a random later time (so messages
 * are delayed and reordered), unless it is lost or crosses a partition. Deterministic for a seed.
 */
final class SimNetwork {
    /** A message in flight. */
    record Delivery(long at, long seq, PublicKey from, PublicKey to, byte[] bytes) {}

    private final PriorityQueue<Delivery> inFlight = new PriorityQueue<>(
            (a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.seq(), b.seq()));
    private final Random random;
    private final SimClock clock;
    private final Map<PublicKey, Integer> partitionOf = new HashMap<>();
    private long seq;
    double lossRate;
    int delayMsMax = 50;
    long delivered;

    SimNetwork(Random random, SimClock clock) {
        this.random = random;
        this.clock = clock;
    }

    void send(PublicKey from, PublicKey to, byte[] bytes) {
        if (from.equals(to) || random.nextDouble() < lossRate
                || partitionOf.getOrDefault(from, 0).intValue() != partitionOf.getOrDefault(to, 0).intValue()) {
            return;
        }
        inFlight.add(new Delivery(clock.now + 1 + random.nextInt(delayMsMax), seq++, from, to, bytes));
    }

    void partition(PublicKey node, int group) {
        partitionOf.put(node, group);
    }

    void heal() {
        partitionOf.clear();
        lossRate = 0;
    }

    long nextAt() {
        return inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().at();
    }

    Delivery poll() {
        delivered++;
        return inFlight.poll();
    }
}
