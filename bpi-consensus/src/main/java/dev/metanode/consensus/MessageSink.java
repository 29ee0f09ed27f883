package dev.metanode.consensus;

import dev.metanode.core.crypto.PublicKey;

/**
 * Where a validator's outbound messages go: the real transport (authenticated peer connections)
 * or the simulator's network. Messages are already encoded; delivery may be late, lost or
 * reordered, and consensus copes with all three. Implementations must not call back into the
 * node from these methods.
 */
public interface MessageSink {
    /** To every other validator (and whoever else follows the chain). */
    void broadcast(byte[] message);

    /** To one peer, e.g. an answer to its block request. */
    void send(PublicKey peer, byte[] message);

    /** Sends nothing: a single validator has no peers to talk to. */
    MessageSink NONE = new MessageSink() {
        @Override
        public void broadcast(byte[] message) {}

        @Override
        public void send(PublicKey peer, byte[] message) {}
    };
}
