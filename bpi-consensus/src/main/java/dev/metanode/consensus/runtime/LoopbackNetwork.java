package dev.metanode.consensus.runtime;

import dev.metanode.consensus.MessageSink;
import dev.metanode.core.crypto.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connects several {@link LedgerService}s in one JVM: what one broadcasts is delivered to every other
 * attached service, in order per sender, through their bounded inbound queues. For tests, benchmarks
 * and a local multi-validator demo; the daemon plugs the real transport into {@link MessageSink} instead.
 *
 * <p>Build each service with {@link #sinkFor} (its own key), then {@link #attach} it. A message to a
 * service that is not attached (not yet started, or stopped) is lost, as on a real network.
 */
public final class LoopbackNetwork {
    private final Map<PublicKey, LedgerService> members = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();

    /** The outbound side for the validator with key {@code self}. */
    public MessageSink sinkFor(PublicKey self) {
        return new MessageSink() {
            @Override
            public void broadcast(byte[] message) {
                members.forEach((key, service) -> {
                    if (!key.equals(self)) {
                        sent.incrementAndGet();
                        service.deliver(self, message);
                    }
                });
            }

            @Override
            public void send(PublicKey peer, byte[] message) {
                LedgerService service = members.get(peer);
                if (service != null && !peer.equals(self)) {
                    sent.incrementAndGet();
                    service.deliver(self, message);
                }
            }
        };
    }

    /** Starts routing messages to {@code service} (replacing an earlier service with the same key). */
    public void attach(LedgerService service) {
        members.put(service.publicKey(), service);
    }

    /** Stops routing messages to the service with this key. */
    public void detach(PublicKey key) {
        members.remove(key);
    }

    /** Messages handed to services so far (including ones their full queues dropped). */
    public long sent() {
        return sent.get();
    }
}
