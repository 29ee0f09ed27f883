package dev.metanode.consensus.sim;

import dev.metanode.consensus.KvHandler;
import dev.metanode.consensus.MessageSink;
import dev.metanode.consensus.NodeSettings;
import dev.metanode.consensus.ValidatorNode;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.store.MemoryKvStore;
import java.util.List;

/** One simulated validator: its key and disk survive crashes; its process (the {@link ValidatorNode}) does not. */
final class SimNode {
    final SigningKey key;
    final Behaviour behaviour;
    final MemoryKvStore disk = new MemoryKvStore();
    private final NodeSettings settings;
    private final SimClock clock;
    private final MessageSink sink;
    ValidatorNode process;

    SimNode(SigningKey key, Behaviour behaviour, NodeSettings settings, SimClock clock, MessageSink sink) {
        this.key = key;
        this.behaviour = behaviour;
        this.settings = settings;
        this.clock = clock;
        this.sink = sink;
    }

    boolean alive() {
        return process != null;
    }

    boolean honest() {
        return behaviour == Behaviour.HONEST;
    }

    void start() {
        process = new ValidatorNode(settings, disk, key, clock, sink, List.of(new KvHandler()));
        process.start();
    }

    void crash() {
        process = null;
    }

    long height() {
        return new dev.metanode.consensus.state.ChainStore(disk).height();
    }
}
