package dev.metanode.core.log;

import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory stand-in for the persistent log: stores what {@link CompactRange#append} hands its
 * sink and serves it back as {@link TreeNodes}, counting reads so tests can check proof costs.
 */
final class MemoryTreeNodes implements TreeNodes, NodeSink {
    private record Key(int level, long index) {}

    private final Map<Key, byte[]> nodes = new HashMap<>();
    private final CompactRange range = CompactRange.empty();
    private long reads;

    /** A tree over the given leaf hashes. */
    static MemoryTreeNodes of(Iterable<byte[]> leafHashes) {
        MemoryTreeNodes tree = new MemoryTreeNodes();
        for (byte[] leaf : leafHashes) {
            tree.append(leaf);
        }
        return tree;
    }

    void append(byte[] leafHash) {
        range.append(leafHash, this);
    }

    CompactRange range() {
        return range;
    }

    long size() {
        return range.size();
    }

    int storedNodes() {
        return nodes.size();
    }

    long reads() {
        return reads;
    }

    void resetReads() {
        reads = 0;
    }

    @Override
    public void accept(int level, long index, byte[] hash) {
        if (nodes.putIfAbsent(new Key(level, index), hash.clone()) != null) {
            throw new AssertionError("node (" + level + ", " + index + ") written twice");
        }
    }

    @Override
    public byte[] perfect(int level, long index) {
        reads++;
        byte[] hash = nodes.get(new Key(level, index));
        if (hash == null) {
            throw new IllegalStateException("no node (" + level + ", " + index + ") in a tree of size " + size());
        }
        return hash.clone();
    }
}
