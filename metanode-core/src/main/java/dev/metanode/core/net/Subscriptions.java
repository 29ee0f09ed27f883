package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Handlers per message type, and the registry of types they imply. Thread-safe. */
public final class Subscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    private final MessageRegistry registry;
    private final Map<Integer, List<MessageHandler>> handlers = new ConcurrentHashMap<>();

    public Subscriptions(MessageRegistry registry) {
        this.registry = registry;
    }

    public MessageRegistry registry() {
        return registry;
    }

    public void subscribe(MessageType type, MessageHandler handler) {
        registry.register(type);
        handlers.computeIfAbsent(type.id(), id -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Delivers to every handler of the type; false if the type or version is unknown here. */
    public boolean dispatch(PublicKey from, Message message) {
        if (!registry.accepts(message)) {
            return false;
        }
        for (MessageHandler handler : handlers.getOrDefault(message.typeId(), List.of())) {
            try {
                handler.onMessage(from, message);
            } catch (RuntimeException e) {
                // A module's bug must not cut the connection that carried the message; it is still loud.
                LOG.error("handler for message type {} failed", message.typeId(), e);
            }
        }
        return true;
    }
}
