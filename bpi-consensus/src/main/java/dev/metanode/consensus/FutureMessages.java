package dev.metanode.consensus;

import dev.metanode.consensus.payload.Message;
import dev.metanode.core.crypto.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consensus messages for heights this node has not reached yet, kept (bounded) until it gets there,
 * so that a validator a block behind does not lose the next height's proposal while it catches up.
 */
final class FutureMessages {
    /** Heights ahead of the current one that are buffered at all. */
    static final int HEIGHTS_AHEAD_MAX = 8;
    /** Buffered messages in total. */
    static final int MESSAGES_MAX = 2_048;
    /** Buffered messages from one signer, so one validator cannot fill the buffer. */
    static final int MESSAGES_PER_SIGNER_MAX = 256;

    private record Entry(PublicKey signer, Message message) {}

    private final TreeMap<Long, List<Entry>> byHeight = new TreeMap<>();
    private final Map<PublicKey, Integer> perSigner = new HashMap<>();
    private int count;

    /** Keeps the message if it fits the limits; returns whether it did. */
    boolean add(long currentHeight, long height, PublicKey signer, Message message) {
        if (height <= currentHeight || height > currentHeight + HEIGHTS_AHEAD_MAX || count >= MESSAGES_MAX
                || perSigner.getOrDefault(signer, 0) >= MESSAGES_PER_SIGNER_MAX) {
            return false;
        }
        byHeight.computeIfAbsent(height, h -> new ArrayList<>()).add(new Entry(signer, message));
        perSigner.merge(signer, 1, Integer::sum);
        count++;
        return true;
    }

    /** Removes and returns the messages for {@code height}, dropping any for lower heights. */
    List<Message> take(long height) {
        List<Message> ready = byHeight.getOrDefault(height, List.of()).stream().map(Entry::message).toList();
        byHeight.headMap(height, true).clear();
        count = 0;
        perSigner.clear();
        byHeight.values().forEach(entries -> entries.forEach(e -> {
            perSigner.merge(e.signer(), 1, Integer::sum);
            count++;
        }));
        return ready;
    }

    boolean hasAbove(long height) {
        return !byHeight.tailMap(height, false).isEmpty();
    }

    int size() {
        return count;
    }
}
