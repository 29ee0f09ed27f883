package dev.metanode.consensus.runtime;

import dev.metanode.consensus.KvHandler;
import dev.metanode.consensus.MessageSink;
import dev.metanode.consensus.NodeSettings;
import dev.metanode.consensus.TestChains;
import dev.metanode.consensus.chain.Genesis;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.store.MemoryKvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds and stops LedgerServices for tests: one alone, or n on a LoopbackNetwork (stores kept for restarts). */
final class Services implements AutoCloseable {
    final List<SigningKey> keys;
    final Genesis genesis;
    final LoopbackNetwork network = new LoopbackNetwork();
    final List<MemoryKvStore> stores = new ArrayList<>();
    final List<LedgerService> services = new ArrayList<>();

    private final Function<Genesis, NodeSettings> settings;

    Services(int n) throws Exception {
        this(n, NodeSettings::of);
    }

    /** n validators, each with settings of its own from {@code settings}. */
    Services(int n, Function<Genesis, NodeSettings> settings) throws Exception {
        this.settings = settings;
        keys = TestChains.keys(n);
        genesis = TestChains.genesis(keys);
        for (int i = 0; i < n; i++) {
            stores.add(new MemoryKvStore());
            services.add(null);
            start(i);
        }
    }

    /** Starts validator i over its store (a fresh service: a LedgerService starts once). */
    LedgerService start(int i) throws Exception {
        MessageSink sink = keys.size() == 1 ? MessageSink.NONE : network.sinkFor(keys.get(i).publicKey());
        LedgerService service = new LedgerService(settings.apply(genesis), stores.get(i), keys.get(i), Clock.SYSTEM,
                sink, List.of(new KvHandler()));
        service.start();
        network.attach(service);
        services.set(i, service);
        return service;
    }

    void stop(int i) throws Exception {
        network.detach(keys.get(i).publicKey());
        services.get(i).stop();
    }

    LedgerService get(int i) {
        return services.get(i);
    }

    @Override
    public void close() throws Exception {
        for (int i = 0; i < services.size(); i++) {
            stop(i);
        }
    }
}
