package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;

/**
 * Receives messages of one type. Called on a network thread: it must not block; hand heavy work to
 * an executor of your own.
 */
@FunctionalInterface
public interface MessageHandler {
    void onMessage(PublicKey from, Message message);
}
