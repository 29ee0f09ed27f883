package dev.metanode.consensus.sim;

import dev.metanode.consensus.KvHandler;
import dev.metanode.consensus.NodeSettings;
import dev.metanode.consensus.TestChains;
import dev.metanode.consensus.chain.CachingVerifier;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.chain.ValidatorSet;
import dev.metanode.consensus.statemachine.RoundTimer;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.testing.TestKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic run of 4..7 validators (up to f of them Byzantine) over a lossy, delaying,
 * reordering, partitioned network with crashes and restarts, followed by a healed phase. One seed
 * fixes everything: replay a failure with {@code new Simulation(seed).run()}. Checks
 * {@link Invariants} at the end and liveness: every honest validator reaches the target height
 * within {@link #LIVENESS_MS_MAX} of the heal.
 */
public final class Simulation {
    /** Virtual time after the heal within which every honest validator must reach the target height. */
    static final long LIVENESS_MS_MAX = 120_000;
    /** Events one run may process; a run that needs more is stuck. */
    static final long EVENTS_MAX = 2_000_000;
    static final RoundTimer SIM_TIMER = new RoundTimer(100, 1_600);
    private static final long START_MS = 1_700_000_000_000L;

    final long seed;
    private final Random random;
    private final SimClock clock = new SimClock(START_MS);
    private final SimNetwork network;
    private final List<SimNode> nodes = new ArrayList<>();
    private final Map<Long, ValidatorSet> sets = new HashMap<>();
    private final SignatureVerifier verifier = new CachingVerifier(SignatureVerifier.DIRECT);
    private final Genesis genesis;
    private final int targetHeight;
    private final long healAt;
    private long nextTxAt;
    private long nextChaosAt;
    private long txNonce;
    private boolean healed;

    public Simulation(long seed) {
        this.seed = seed;
        this.random = new Random(seed * 0x9E3779B97F4A7C15L + 1);
        this.network = new SimNetwork(random, clock);
        int n = 4 + random.nextInt(4);
        int byzantine = random.nextInt((n - 1) / 3 + 1);
        List<SigningKey> keys = TestChains.keys(n);
        this.genesis = TestChains.genesis(keys);
        this.targetHeight = 2 + random.nextInt(4);
        this.healAt = START_MS + random.nextInt(4_000);
        network.lossRate = random.nextDouble() * 0.25;
        network.delayMsMax = 5 + random.nextInt(150);
        NodeSettings settings = new NodeSettings(genesis, SIM_TIMER, verifier);
        List<PublicKey> all = keys.stream().map(SigningKey::publicKey).toList();
        for (int i = 0; i < n; i++) {
            Behaviour b = i < byzantine ? Behaviour.values()[1 + random.nextInt(3)] : Behaviour.HONEST;
            SigningKey key = keys.get(i);
            List<PublicKey> peers = all.stream().filter(k -> !k.equals(key.publicKey())).toList();
            nodes.add(new SimNode(key, b, settings, clock, new ByzantineSink(b, key, genesis.chainId(),
                    new Random(random.nextLong()), peers, network)));
        }
    }

    /** Runs to the end; throws AssertionError naming the seed if an invariant fails. */
    public Result run() {
        try {
            nodes.forEach(SimNode::start);
            long events = 0;
            while (!done()) {
                if (++events > EVENTS_MAX || clock.now > healAt + LIVENESS_MS_MAX) {
                    throw new AssertionError("liveness: " + describe() + " short of " + targetHeight
                            + " at +" + (clock.now - healAt) + " ms after the heal");
                }
                step();
                recordSets();
            }
            Invariants.check(genesis, nodes.stream().filter(SimNode::honest).toList(), sets, verifier);
            return new Result(seed, nodes.size(), clock.now - START_MS, network.delivered);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("simulation seed " + seed + " failed (replay: new Simulation(" + seed
                    + "L).run()): " + e.getMessage(), e);
        }
    }

    /** What a run did. */
    public record Result(long seed, int validators, long virtualMs, long messages) {}

    private boolean done() {
        return nodes.stream().filter(SimNode::honest).allMatch(n -> n.height() >= targetHeight);
    }

    private List<Long> heights() {
        return nodes.stream().filter(SimNode::honest).map(SimNode::height).toList();
    }

    private String describe() {
        StringBuilder b = new StringBuilder();
        for (SimNode n : nodes) {
            b.append(n.behaviour).append(n.alive() ? " h=" + n.height() + " r=" + n.process.round() + " wake=" + (n.process.nextWakeMillis() == Long.MAX_VALUE ? "idle" : "" + (n.process.nextWakeMillis() - clock.now)) : " down").append("; ");
        }
        return b.toString();
    }

    private void step() {
        long wake = Long.MAX_VALUE;
        SimNode waking = null;
        for (SimNode node : nodes) {
            if (node.alive() && node.process.nextWakeMillis() < wake) {
                wake = node.process.nextWakeMillis();
                waking = node;
            }
        }
        long deliverAt = network.nextAt();
        long chaosAt = healed ? Long.MAX_VALUE : Math.min(nextChaosAt, healAt);
        long t = Math.min(Math.min(wake, deliverAt), Math.min(nextTxAt, Math.max(chaosAt, clock.now)));
        clock.now = Math.max(clock.now, t);
        if (t == deliverAt) {
            SimNetwork.Delivery d = network.poll();
            nodes.stream().filter(n -> n.key.publicKey().equals(d.to()) && n.alive())
                    .findFirst().ifPresent(n -> n.process.onMessage(d.from(), d.bytes()));
        } else if (t == wake) {
            waking.process.onTimer();
        } else if (t == nextTxAt) {
            submitTransaction();
        } else {
            chaos();
        }
    }

    private void submitTransaction() {
        nextTxAt = clock.now + 50 + random.nextInt(400);
        List<SimNode> alive = nodes.stream().filter(n -> n.alive() && n.honest()).toList();
        if (!alive.isEmpty()) {
            SimNode to = alive.get(random.nextInt(alive.size()));
            to.process.submit(KvHandler.put(TestKeys.key(200), txNonce++, "k" + txNonce + "=v" + seed));
        }
    }

    private void chaos() {
        if (clock.now >= healAt) {
            healed = true;
            network.heal();
            nodes.stream().filter(n -> !n.alive()).forEach(SimNode::start);
            nextChaosAt = Long.MAX_VALUE;
            return;
        }
        nextChaosAt = clock.now + 200 + random.nextInt(1_500);
        SimNode node = nodes.get(random.nextInt(nodes.size()));
        switch (random.nextInt(4)) {
            case 0 -> network.partition(node.key.publicKey(), random.nextInt(2));
            case 1 -> {
                if (node.alive() && node.honest()) {
                    node.crash();
                } else if (!node.alive()) {
                    node.start();
                }
            }
            case 2 -> network.lossRate = random.nextDouble() * 0.3;
            default -> nodes.forEach(n -> network.partition(n.key.publicKey(), 0));
        }
    }

    private void recordSets() {
        for (SimNode node : nodes) {
            if (node.alive() && node.honest()) {
                long h = node.process.height() + 1;
                ValidatorSet set = node.process.validators();
                ValidatorSet known = sets.putIfAbsent(h, set);
                if (known != null && !known.equals(set)) {
                    throw new AssertionError("validators disagree on the set of height " + h);
                }
            }
        }
    }
}
