package dev.metanode.consensus;

import dev.metanode.consensus.chain.CachingVerifier;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.consensus.chain.SignatureVerifier;
import dev.metanode.consensus.statemachine.RoundTimer;
import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.store.MemoryKvStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** A deterministic cluster for scenario tests: FIFO delivery, virtual time, a drop rule, crashes with kept disks. */
final class TestCluster {
    static final RoundTimer TIMER = new RoundTimer(100, 800);

    /** A message on its way. */
    record Envelope(int from, int to, byte[] bytes) {}

    final List<SigningKey> keys;
    final Genesis genesis;
    final RoundTimer timer;
    final List<MemoryKvStore> disks = new ArrayList<>();
    final List<ValidatorNode> nodes = new ArrayList<>();
    final Deque<Envelope> queue = new ArrayDeque<>();
    Predicate<Envelope> drop = e -> false;
    long now = 1_700_000_000_000L;
    private final SignatureVerifier verifier = new CachingVerifier(SignatureVerifier.DIRECT);
    private final Clock clock = new Clock() {
        @Override
        public long millis() {
            return now;
        }

        @Override
        public long nanoTime() {
            return now * 1_000_000;
        }
    };

    TestCluster(Genesis genesis, List<SigningKey> keys) {
        this(genesis, keys, TIMER);
    }

    TestCluster(Genesis genesis, List<SigningKey> keys, RoundTimer timer) {
        this.genesis = genesis;
        this.keys = keys;
        this.timer = timer;
        for (int i = 0; i < keys.size(); i++) {
            disks.add(new MemoryKvStore());
            nodes.add(null);
            start(i);
        }
    }

    TestCluster(int n) {
        this(TestChains.genesis(TestChains.keys(n)), TestChains.keys(n));
    }

    void start(int i) {
        ValidatorNode node = new ValidatorNode(new NodeSettings(genesis, timer, verifier), disks.get(i), keys.get(i), clock,
                sink(i), List.of(new KvHandler()));
        nodes.set(i, node);
        node.start();
    }

    void crash(int i) {
        nodes.set(i, null);
    }

    ValidatorNode node(int i) {
        return nodes.get(i);
    }

    int indexOf(PublicKey key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).publicKey().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private MessageSink sink(int from) {
        return new MessageSink() {
            @Override
            public void broadcast(byte[] message) {
                for (int to = 0; to < keys.size(); to++) {
                    if (to != from) {
                        queue.add(new Envelope(from, to, message));
                    }
                }
            }

            @Override
            public void send(PublicKey peer, byte[] message) {
                int to = indexOf(peer);
                if (to >= 0) {
                    queue.add(new Envelope(from, to, message));
                }
            }
        };
    }

    /** Injects bytes as if {@code from} (any key) had sent them to node {@code to}. */
    void inject(PublicKey from, int to, byte[] bytes) {
        nodes.get(to).onMessage(from, bytes);
        deliverAll();
    }

    void deliverAll() {
        Envelope e;
        while ((e = queue.poll()) != null) {
            ValidatorNode target = nodes.get(e.to());
            if (target != null && nodes.get(e.from()) != null && !drop.test(e)) {
                target.onMessage(keys.get(e.from()).publicKey(), e.bytes());
            }
        }
    }

    /** Delivers messages and fires timers until {@code ms} of virtual time have passed. */
    void runFor(long ms) {
        long end = now + ms;
        deliverAll();
        while (true) {
            long next = nodes.stream().filter(n -> n != null).mapToLong(ValidatorNode::nextWakeMillis).min().orElse(Long.MAX_VALUE);
            if (next > end) {
                now = end;
                return;
            }
            now = Math.max(now, next);
            for (ValidatorNode n : nodes) {
                if (n != null && n.nextWakeMillis() <= now) {
                    n.onTimer();
                }
            }
            deliverAll();
        }
    }

    /** Runs until every live node reached {@code height}; returns the virtual time it took, or fails after {@code limitMs}. */
    long runUntilHeight(long height, long limitMs) {
        long start = now;
        while (nodes.stream().filter(n -> n != null).anyMatch(n -> n.height() < height)) {
            if (now - start > limitMs) {
                throw new AssertionError("heights " + nodes.stream().map(n -> n == null ? "down" : n.height() + "@r" + n.round()).toList()
                        + " short of " + height + " after " + limitMs + " ms");
            }
            runFor(10);
        }
        return now - start;
    }

    void submit(int to, long nonce) {
        nodes.get(to).submit(KvHandler.put(dev.metanode.core.testing.TestKeys.key(99), nonce, "k" + nonce + "=v"));
        deliverAll();
    }
}
