package dev.metanode.httpcage;

import dev.metanode.core.crypto.SigningKey;
import dev.metanode.core.http.AppDirectory;
import dev.metanode.core.kernel.Clock;
import dev.metanode.core.kernel.RandomSource;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.store.KvStore;
import dev.metanode.core.store.MemoryKvStore;
import dev.metanode.httpcage.auth.ApiKeys;
import dev.metanode.httpcage.auth.AuthGate;
import dev.metanode.httpcage.auth.JwtVerifier;
import dev.metanode.httpcage.auth.RouteRoles;
import dev.metanode.httpcage.metrics.CageMetrics;
import dev.metanode.httpcage.policy.DataFlowGate;
import dev.metanode.httpcage.ratelimit.RateLimitGate;
import dev.metanode.httpcage.ratelimit.RateLimits;
import dev.metanode.httpcage.sig.SignatureGate;
import dev.metanode.httpcage.sig.SignatureKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles an {@link HttpCage} from the node's ports. Required: {@link #apps}, and
 * {@link #receiptLog} unless notarisation is off. The standard gates run in this order:
 * auth, rate limits, request signatures, data-flow policy.
 */
public final class HttpCageBuilder {
    private final HttpCageConfig config;
    private AppDirectory apps;
    private ReceiptLog receiptLog;
    private KvStore store;
    private SigningKey key;
    private Clock clock = Clock.SYSTEM;
    private RandomSource random = RandomSource.secure();
    private JwtVerifier jwt;
    private AppPolicies policies = new AppPolicies();
    private RouteRoles routes = new RouteRoles(RouteRoles.DEFAULT);
    private RateLimits rateLimits = RateLimits.DEFAULTS;
    private SignatureKeys signatureKeys = new SignatureKeys();
    private Gates gates;
    private String apiBearer;
    private dev.metanode.core.event.EventFeed events;
    private final CageMetrics metrics = new CageMetrics();

    /** The parts the cage is made of, checked. */
    record Parts(AppDirectory apps, ReceiptLog receiptLog, Clock clock, Gates gates, CageMetrics metrics,
            ApiKeys apiKeys, AppPolicies policies, SigningKey key, SignatureKeys signatureKeys, String apiBearer,
            KvStore store, dev.metanode.core.event.EventFeed events) {}

    public HttpCageBuilder(HttpCageConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public HttpCageBuilder apps(AppDirectory value) {
        this.apps = value;
        return this;
    }

    public HttpCageBuilder receiptLog(ReceiptLog value) {
        this.receiptLog = value;
        return this;
    }

    /**
     * Where API keys and notarised exchange records live (columns {@link HttpCage#COLUMNS}); without
     * it they live in memory and are lost on restart (tests only).
     */
    public HttpCageBuilder store(KvStore value) {
        this.store = value;
        return this;
    }

    /** The cage's key: signs responses (RFC 9421). Usually the node key. */
    public HttpCageBuilder signingKey(SigningKey value) {
        this.key = value;
        return this;
    }

    public HttpCageBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    public HttpCageBuilder random(RandomSource value) {
        this.random = value;
        return this;
    }

    /** Accept JWTs verified by this; without it only API keys work. */
    public HttpCageBuilder jwt(JwtVerifier value) {
        this.jwt = value;
        return this;
    }

    public HttpCageBuilder policies(AppPolicies value) {
        this.policies = value;
        return this;
    }

    public HttpCageBuilder routeRoles(RouteRoles value) {
        this.routes = value;
        return this;
    }

    public HttpCageBuilder rateLimits(RateLimits value) {
        this.rateLimits = value;
        return this;
    }

    /** Client keys trusted for RFC 9421 request signatures. */
    public HttpCageBuilder signatureKeys(SignatureKeys value) {
        this.signatureKeys = value;
        return this;
    }

    /**
     * The daemon API's own bearer token. The cage checks a client's API key or JWT and its role
     * itself, then calls the API with this token instead (the client's credential never reaches
     * the daemon, and the daemon's token never reaches a client).
     */
    public HttpCageBuilder apiCredential(String bearerToken) {
        this.apiBearer = bearerToken;
        return this;
    }

    /** The node's events, streamed to VIEWERs on the API host's {@code /ws}; without it /ws goes to the daemon. */
    public HttpCageBuilder events(dev.metanode.core.event.EventFeed value) {
        this.events = value;
        return this;
    }

    /** Replaces the standard gates (tests, benchmarks). */
    public HttpCageBuilder gates(Gates value) {
        this.gates = value;
        return this;
    }

    public HttpCage build() {
        Objects.requireNonNull(apps, "apps");
        if (config.notarise()) {
            Objects.requireNonNull(receiptLog, "receiptLog (or turn notarisation off)");
        }
        KvStore kv = store != null ? store : new MemoryKvStore();
        ApiKeys apiKeys = new ApiKeys(kv, random, clock);
        Gates chosen = gates != null ? gates : standardGates(apiKeys);
        return new HttpCage(config, new Parts(apps, receiptLog, clock, chosen, metrics, apiKeys, policies, key,
                signatureKeys, apiBearer, kv, events));
    }

    private Gates standardGates(ApiKeys apiKeys) {
        List<Gate> list = new ArrayList<>();
        list.add(new AuthGate(apiKeys, jwt, policies, routes));
        list.add(new RateLimitGate(rateLimits, policies, clock));
        list.add(new SignatureGate(signatureKeys, policies, clock));
        list.add(new DataFlowGate(policies));
        return new Gates(list);
    }
}
