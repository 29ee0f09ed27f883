package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.net.Misbehaviour;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.PeerScores;
import dev.metanode.core.net.TransportException;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Scores peers and turns banned ones away. Before a handshake finishes a peer is only its address;
 * after, its key. Failures that any fresh key could repeat (not on the allow-list, failed
 * handshakes) count against the address, so a peer cannot escape a ban by making new keys.
 * Loopback addresses are never banned: every node of a local cluster shares them, and one
 * misbehaving or removed node must not shut out the others.
 */
public final class PeerGuard {
    private final PeerScores<InetAddress> byAddress;
    private final PeerScores<PublicKey> byKey;

    public PeerGuard(NetLimits limits, Clock clock) {
        this.byAddress = PeerScores.of(limits, clock);
        this.byKey = PeerScores.of(limits, clock);
    }

    /** False if the channel's remote address is banned. */
    public boolean admits(Channel channel) {
        InetAddress address = address(channel);
        return address == null || !byAddress.isBanned(address);
    }

    public boolean admits(PublicKey key) {
        return !byKey.isBanned(key);
    }

    public void penalize(Channel channel, PublicKey key, TransportException violation) {
        Misbehaviour what = violation.misbehaviour();
        if (key != null && what == Misbehaviour.BAD_FRAME) {
            byKey.penalize(key, what);
        }
        InetAddress address = address(channel);
        if (address != null && !address.isLoopbackAddress()) {
            byAddress.penalize(address, what);
        }
    }

    public PeerScores<InetAddress> addressScores() {
        return byAddress;
    }

    public PeerScores<PublicKey> keyScores() {
        return byKey;
    }

    private static InetAddress address(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress socket ? socket.getAddress() : null;
    }
}
