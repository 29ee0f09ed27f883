package dev.metanode.core.net;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The message types this node knows. Register them before the network starts; lookups are lock-free. */
public final class MessageRegistry {
    private final Map<Integer, MessageType> types = new ConcurrentHashMap<>();

    public MessageRegistry register(MessageType type) {
        MessageType previous = types.putIfAbsent(type.id(), type);
        if (previous != null && !previous.equals(type)) {
            throw new IllegalArgumentException("type id " + type.id() + " already registered as " + previous.name());
        }
        return this;
    }

    /** The type if it is known and accepts this version, else null. */
    public MessageType lookup(int typeId, int version) {
        MessageType type = types.get(typeId);
        return type != null && type.accepts(version) ? type : null;
    }

    public boolean accepts(Message message) {
        return lookup(message.typeId(), message.version()) != null;
    }
}
