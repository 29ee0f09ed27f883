package dev.metanode.core.net.netty;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.Service;
import dev.metanode.core.net.Backoff;
import dev.metanode.core.net.DedupCache;
import dev.metanode.core.net.Envelope;
import dev.metanode.core.net.GossipRouter;
import dev.metanode.core.net.GossipStats;
import dev.metanode.core.net.HandshakeState;
import dev.metanode.core.net.Message;
import dev.metanode.core.net.MessageHandler;
import dev.metanode.core.net.MessageRegistry;
import dev.metanode.core.net.MessageType;
import dev.metanode.core.net.NetConfig;
import dev.metanode.core.net.NetLimits;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import dev.metanode.core.net.PeerNetwork;
import dev.metanode.core.net.PeerStats;
import dev.metanode.core.net.Subscriptions;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.random.RandomGenerator;

/**
 * The BPCI transport over Netty: listens, dials, authenticates, and routes direct messages and
 * gossip between allow-listed peers. Implements {@link Service} so the daemon starts it in order.
 * Thread-safe; handlers run on Netty's event loops.
 */
public final class NettyPeerNetwork implements PeerNetwork, Service {
    private final NetConfig config;
    private final PeerAllowList allowList;
    private final Clock clock;
    private final RandomGenerator jitter;
    private final Subscriptions subscriptions;
    private final ConnectedPeers peers;
    private final GossipRouter gossip;
    private final PeerGuard guard;
    private final NettyTransport transport;
    private final ThreadPoolExecutor handshakeWorkers;
    private final Map<PublicKey, Dialer> dialers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public NettyPeerNetwork(NodeIdentity identity, PeerAllowList allowList, NetConfig config, Clock clock,
            RandomGenerator jitter) {
        NetLimits limits = config.limits();
        this.config = config;
        this.allowList = allowList;
        this.clock = clock;
        this.jitter = jitter;
        this.subscriptions = new Subscriptions(new MessageRegistry());
        this.peers = new ConnectedPeers(identity.publicKey());
        this.gossip = new GossipRouter(subscriptions.registry(),
                new DedupCache(limits.dedupEntriesMax(), limits.dedupTtlMs(), clock), limits.gossipHopsMax(),
                peers, subscriptions::dispatch);
        PeerEventsHandler events = new PeerEventsHandler(this);
        this.guard = new PeerGuard(limits, clock);
        this.handshakeWorkers = HandshakeWorkers.create(config.ioThreads());
        ChannelSetup setup = new ChannelSetup(identity, allowList, HandshakeState.prologue(config.networkId()), limits,
                new SecureRandom(), events, handshakeWorkers);
        this.transport = new NettyTransport(config.ioThreads(), setup, guard, limits.connectionsMax());
    }

    @Override
    public String name() {
        return "peer-network";
    }

    /** Binds {@link NetConfig#listenAddress()} (loopback by default). */
    @Override
    public void start() throws InterruptedException {
        start(config.listenAddress());
    }

    @Override
    public InetSocketAddress start(InetSocketAddress listenAddress) throws InterruptedException {
        return transport.bind(listenAddress);
    }

    @Override
    public void connect(InetSocketAddress address, PublicKey expectedKey) {
        Dialer dialer = dialers.computeIfAbsent(expectedKey, key -> new Dialer(address, key,
                transport.clientBootstrap(key),
                new Backoff(config.limits().reconnectDelayMsMin(), config.limits().reconnectDelayMsMax(), clock,
                        jitter), k -> peers.get(k) != null, () -> closed));
        dialer.ensure();
    }

    @Override
    public int broadcast(Message message) {
        return gossip.broadcast(message);
    }

    @Override
    public boolean send(PublicKey peer, Message message) {
        PeerConnection connection = peers.get(peer);
        return connection != null && connection.send(Envelope.direct(message));
    }

    @Override
    public boolean writable(PublicKey peer) {
        PeerConnection connection = peers.get(peer);
        return connection != null && connection.writable();
    }

    @Override
    public void subscribe(MessageType type, MessageHandler handler) {
        subscriptions.subscribe(type, handler);
    }

    @Override
    public void replaceAllowList(Set<PublicKey> keys) {
        allowList.replace(keys);
        for (PublicKey key : peers.keys()) {
            PeerConnection connection = peers.get(key);
            if (connection != null && !allowList.contains(key)) {
                connection.channel().close();
            }
        }
    }

    @Override
    public Set<PublicKey> connectedPeers() {
        return Set.copyOf(peers.keys());
    }

    @Override
    public List<PeerStats> stats() {
        return peers.stats();
    }

    @Override
    public GossipStats gossipStats() {
        return gossip.stats();
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        closed = true;
        transport.close();
        handshakeWorkers.shutdownNow();
    }

    ConnectedPeers peers() {
        return peers;
    }

    GossipRouter gossip() {
        return gossip;
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    PeerGuard guard() {
        return guard;
    }

    Dialer dialer(PublicKey key) {
        return dialers.get(key);
    }

    Clock clock() {
        return clock;
    }

    NetConfig config() {
        return config;
    }
}
