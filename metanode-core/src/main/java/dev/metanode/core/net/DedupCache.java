package dev.metanode.core.net;

import dev.metanode.core.kernel.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gossip ids seen recently, bounded both in count ({@code entriesMax}) and in age
 * ({@code ttlMs}). Insertion order is expiry order, so expired ids are dropped from the head.
 * A message that comes back after its id was forgotten would be delivered again; the hop limit
 * keeps such echoes short-lived. Thread-safe.
 */
public final class DedupCache {
    private final int entriesMax;
    private final long ttlMs;
    private final Clock clock;
    private final LinkedHashMap<MessageId, Long> expiresAtMs = new LinkedHashMap<>();

    public DedupCache(int entriesMax, long ttlMs, Clock clock) {
        if (entriesMax <= 0 || ttlMs <= 0) {
            throw new IllegalArgumentException("entriesMax and ttlMs must be positive");
        }
        this.entriesMax = entriesMax;
        this.ttlMs = ttlMs;
        this.clock = clock;
    }

    /** Records the id; true the first time it is seen (within the bounds), false for a duplicate. */
    public synchronized boolean firstSeen(MessageId id) {
        long now = clock.millis();
        evictExpired(now);
        if (expiresAtMs.containsKey(id)) {
            return false;
        }
        expiresAtMs.put(id, now + ttlMs);
        if (expiresAtMs.size() > entriesMax) {
            Iterator<MessageId> eldest = expiresAtMs.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return true;
    }

    public synchronized int size() {
        return expiresAtMs.size();
    }

    private void evictExpired(long now) {
        Iterator<Map.Entry<MessageId, Long>> it = expiresAtMs.entrySet().iterator();
        while (it.hasNext() && it.next().getValue() <= now) {
            it.remove();
        }
    }
}
