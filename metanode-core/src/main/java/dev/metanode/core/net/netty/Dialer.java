package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.net.Backoff;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Keeps one dialled peer connected: dials, and after a failure or a disconnect dials again after a
 * {@link Backoff} delay. It stands down while the peer is connected by any channel, including one
 * the peer dialled to us.
 */
final class Dialer {
    private final InetSocketAddress address;
    private final PublicKey key;
    private final Bootstrap bootstrap;
    private final Backoff backoff;
    private final Predicate<PublicKey> connected;
    private final BooleanSupplier closed;
    private boolean dialling;

    Dialer(InetSocketAddress address, PublicKey key, Bootstrap bootstrap, Backoff backoff,
            Predicate<PublicKey> connected, BooleanSupplier closed) {
        this.address = address;
        this.key = key;
        this.backoff = backoff;
        this.connected = connected;
        this.closed = closed;
        this.bootstrap = bootstrap;
    }

    /** Dials unless closed, already dialling, or already connected. */
    synchronized void ensure() {
        if (closed.getAsBoolean() || dialling || connected.test(key)) {
            return;
        }
        dialling = true;
        ChannelFuture future = bootstrap.connect(address);
        future.addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                ended();
                return;
            }
            f.channel().closeFuture().addListener(c -> ended());
        });
    }

    synchronized void onConnected() {
        backoff.onConnected();
    }

    private synchronized void ended() {
        dialling = false;
        backoff.onDisconnected();
        retryLater();
    }

    synchronized void retryLater() {
        if (closed.getAsBoolean()) {
            return;
        }
        try {
            bootstrap.config().group().schedule(this::ensure, backoff.nextDelayMs(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The network closed between the check and the schedule: nothing left to redial for.
        }
    }

    PublicKey key() {
        return key;
    }
}
