package dev.metanode.cli.daemon;

import dev.metanode.core.config.NodeConfig;
import dev.metanode.core.config.PeerAddress;
import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.Service;
import dev.metanode.core.net.MessageHandler;
import dev.metanode.core.net.MessageType;
import dev.metanode.core.net.NetConfig;
import dev.metanode.core.net.NodeIdentity;
import dev.metanode.core.net.PeerAllowList;
import dev.metanode.core.net.PeerNetwork;
import dev.metanode.core.net.PeerStats;
import dev.metanode.core.net.netty.NettyPeerNetwork;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The peer transport as a node service, and {@code GET /api/v1/peers}. It listens only when
 * metanode.yaml lists peers: a single node opens no port it does not need.
 */
public final class PeerRoutes implements Service {
    /** Frames big enough for the largest consensus message (a proposal with a full block). */
    static final int FRAME_BYTES_MAX = dev.metanode.consensus.payload.MessageCodec.MESSAGE_BYTES_MAX + 4096;

    private final NodeConfig config;
    private final SigningKey key;
    private final List<Map.Entry<MessageType, MessageHandler>> subscriptions = new java.util.ArrayList<>();
    private volatile PeerNetwork network;
    private InetSocketAddress listening;

    public PeerRoutes(NodeConfig config, SigningKey key) {
        this.config = config;
        this.key = key;
    }

    @Override
    public String name() {
        return "peers";
    }

    @Override
    public void start() throws InterruptedException {
        if (config.peers().isEmpty()) {
            return;
        }
        Set<dev.metanode.core.crypto.PublicKey> allowed = config.peers().stream().map(PeerAddress::key)
                .collect(Collectors.toSet());
        NetConfig net = NetConfig.defaults(config.chainId())
                .withListenAddress(new InetSocketAddress(config.netHost(), config.netPort()));
        // A consensus message may carry a whole block: frames must fit the largest one.
        net = net.withLimits(net.limits().withFrameBytesMax(FRAME_BYTES_MAX));
        PeerNetwork started = new NettyPeerNetwork(NodeIdentity.create(key),
                new PeerAllowList(allowed), net, Clock.SYSTEM, RandomGenerator.getDefault());
        subscriptions.forEach(s -> started.subscribe(s.getKey(), s.getValue()));
        network = started;
        listening = network.start(new InetSocketAddress(config.netHost(), config.netPort()));
        for (PeerAddress peer : config.peers()) {
            network.connect(new InetSocketAddress(peer.host(), peer.port()), peer.key());
        }
    }

    /**
     * Delivers every message of this type once the transport runs; call before {@link #start}, so no
     * early message meets an unknown type.
     */
    public void subscribe(MessageType type, MessageHandler handler) {
        subscriptions.add(Map.entry(type, handler));
    }

    /** The running transport, or null when no peers are configured (or before start). */
    PeerNetwork network() {
        return network;
    }

    @Override
    public void stop() {
        if (network != null) {
            network.close();
        }
    }

    public void register(Router router) {
        router.add("GET", "/api/v1/peers", r -> ApiResponse.json(describe()));
    }

    private Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("listening", listening == null ? null : listening.getHostString() + ":" + listening.getPort());
        out.put("configured", config.peers().size());
        List<Map<String, Object>> peers = network == null ? List.of() : network.stats().stream().map(PeerRoutes::peer).toList();
        out.put("peers", peers);
        return out;
    }

    private static Map<String, Object> peer(PeerStats s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", s.key().base64());
        p.put("fingerprint", s.key().fingerprint());
        p.put("address", s.remoteAddress().getHostString() + ":" + s.remoteAddress().getPort());
        p.put("direction", s.outbound() ? "out" : "in");
        p.put("connectedSince", s.connectedSince().toString());
        p.put("bytesIn", s.bytesIn());
        p.put("bytesOut", s.bytesOut());
        p.put("messagesIn", s.messagesIn());
        p.put("messagesOut", s.messagesOut());
        p.put("messagesDropped", s.messagesDropped());
        return p;
    }
}
