package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.GateDecision;
import dev.metanode.httpcage.RequestFacts;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The request side of one front connection: checks each request head, then streams it to the app
 * over one kept-alive loopback connection. Backpressure: the client is read only after the last
 * piece was written to the app; the app only after the last piece was written to the client
 * ({@link ResponsePath}). Pipelined requests wait until the exchange before them is finished.
 */
public final class FrontDoorHandler extends ChannelInboundHandlerAdapter {
    /** Limits on what the app sends back: generous, since the app is ours to run but not to trust blindly. */
    static final int APP_INITIAL_LINE_BYTES_MAX = 8 * 1024;
    static final int APP_HEADER_BYTES_MAX = 64 * 1024;

    enum State { IDLE, FORWARDING, AWAITING_RESPONSE, CLOSED }

    final ProxyContext cage;
    final HeadDeadline deadline;
    ChannelHandlerContext ctx;
    State state = State.IDLE;
    Exchange exchange;
    Channel backend;
    private int backendPort = -1;
    private boolean connecting;
    private final List<Object> connectBacklog = new ArrayList<>();
    final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    final ResponsePath responses;

    FrontDoorHandler(ProxyContext cage, HeadDeadline deadline) {
        this.cage = cage;
        this.deadline = deadline;
        this.responses = new ResponsePath(this);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (state) {
            case IDLE -> {
                if (msg instanceof HttpRequest head) {
                    onHead(head);
                } else {
                    ReferenceCountUtil.release(msg);
                }
            }
            case FORWARDING -> forwardContent((HttpContent) msg);
            case AWAITING_RESPONSE -> pipelined.add(msg);
            case CLOSED -> ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(HttpRequest head) {
        deadline.headReceived();
        exchange = new Exchange(head, cage.clock().nanoTime());
        if (cage.notary() != null && !(exchange.reserved = cage.notary().tryReserve())) {
            refuse(HttpResponseStatus.SERVICE_UNAVAILABLE, "notary.saturated", 0);
            return;
        }
        Optional<RequestFraming.Refusal> framing = RequestFraming.check(head, cage.limits());
        if (framing.isPresent()) {
            refuse(framing.get().status(), framing.get().reason(), 0);
            return;
        }
        Optional<Route> route = cage.router().route(head.headers().get("host"));
        if (route.isEmpty()) {
            refuse(HttpResponseStatus.NOT_FOUND, "unknown.host", 0);
            return;
        }
        exchange.app = route.get().app();
        GateDecision decision = cage.gates().decide(facts(head, route.get()));
        exchange.decision = decision;
        if (decision.body() != null) {
            exchange.bodyCheck = new BodyCheck(decision.body());
        }
        if (!decision.allowed()) {
            refuse(HttpResponseStatus.valueOf(decision.status()), decision.reason(), decision.retryAfterSeconds());
            return;
        }
        if (route.get().api() && exchange.path.equals(ProxyContext.METRICS_PATH)) {
            responses.local(Replies.text(cage.metrics().scrape(), "text/plain; version=0.0.4; charset=utf-8"));
            return;
        }
        forwardHead(route.get(), head, decision);
    }

    private RequestFacts facts(HttpRequest head, Route route) {
        return new RequestFacts(route.app(), exchange.method, exchange.path, head.uri(), head.headers().get("host"),
                cage.scheme(), clientAddress(), new NettyHeaderView(head.headers()));
    }

    String clientAddress() {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        return "unknown";
    }

    private void forwardHead(Route route, HttpRequest head, GateDecision decision) {
        state = State.FORWARDING;
        HttpRequest out = ForwardedRequest.of(head, exchange.upgrade, decision, clientAddress(), cage.scheme());
        exchange.timeout = ctx.executor().schedule(this::requestTimedOut, cage.limits().requestTimeMaxMs(),
                TimeUnit.MILLISECONDS);
        if (backend == null || !backend.isActive() || backendPort != route.port()) {
            if (backend != null) {
                backend.close();
            }
            connect(route.port());
        }
        toBackend(out);
    }

    private void connect(int port) {
        connecting = true;
        backendPort = port;
        FrontDoorHandler front = this;
        Bootstrap bootstrap = new Bootstrap().group(ctx.channel().eventLoop()).channel(cage.clientChannel())
                .option(ChannelOption.AUTO_READ, false).option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, cage.limits().connectTimeoutMs())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("codec", new HttpClientCodec(APP_INITIAL_LINE_BYTES_MAX,
                                APP_HEADER_BYTES_MAX, cage.limits().chunkBytesMax()));
                        ch.pipeline().addLast("relay", new BackendRelay(front));
                    }
                });
        bootstrap.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).addListener(
                (ChannelFuture f) -> onConnected(f));
    }

    private void onConnected(ChannelFuture f) {
        connecting = false;
        if (!f.isSuccess()) {
            connectBacklog.forEach(ReferenceCountUtil::release);
            connectBacklog.clear();
            if (state == State.FORWARDING || state == State.AWAITING_RESPONSE) {
                refuse(HttpResponseStatus.BAD_GATEWAY, "app.unreachable", 0);
            }
            return;
        }
        backend = f.channel();
        if (state == State.CLOSED) {
            backend.close();
            return;
        }
        List<Object> backlog = new ArrayList<>(connectBacklog);
        connectBacklog.clear();
        backlog.forEach(this::toBackend);
        backend.read();
    }

    private void forwardContent(HttpContent content) {
        exchange.request.body(content.content().nioBuffer());
        if (exchange.request.bodyBytes() > cage.limits().bodyBytesMax()) {
            content.release();
            refuse(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "body.too.large", 0);
            return;
        }
        if (exchange.bodyCheck != null && !exchange.bodyCheck.accept(content)) {
            content.release();
            refuse(HttpResponseStatus.BAD_REQUEST, "signature.content-digest", 0);
            return;
        }
        markIfLast(content);
        toBackend(content);
    }

    private void markIfLast(HttpContent content) {
        if (content instanceof LastHttpContent) {
            state = State.AWAITING_RESPONSE;
            exchange.requestDone = true;
        }
    }

    private void toBackend(Object msg) {
        if (connecting) {
            connectBacklog.add(msg);
            return;
        }
        backend.writeAndFlush(msg).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                ctx.close();
            } else if (state == State.FORWARDING) {
                ctx.read();
            }
        });
    }

    private void requestTimedOut() {
        if (exchange != null && !exchange.finished) {
            if (exchange.responseStarted) {
                ctx.close();
            } else {
                refuse(HttpResponseStatus.GATEWAY_TIMEOUT, "app.timeout", 0);
            }
        }
    }

    /** Answers the current exchange with the cage's own error and closes the connection. */
    void refuse(HttpResponseStatus status, String reason, long retryAfterSeconds) {
        cage.metrics().denial(reason);
        exchange.notes.put("cage", reason);
        exchange.closeAfter = true;
        if (backend != null) {
            backend.close();
            backend = null;
        }
        responses.local(Replies.error(status, reason, retryAfterSeconds));
    }

    /** After an exchange that leaves the connection open: handle requests that arrived meanwhile. */
    void nextExchange() {
        state = State.IDLE;
        exchange = null;
        deadline.exchangeDone();
        List<Object> queued = new ArrayList<>(pipelined);
        pipelined.clear();
        for (Object msg : queued) {
            channelRead(ctx, msg);
        }
        if (state == State.IDLE) {
            ctx.read();
        }
    }

    /** Closes the app connection after an exchange the app ended with Connection: close. */
    void retireBackend() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    void backendClosed(Channel channel) {
        if (channel != backend) {
            return;
        }
        backend = null;
        if (exchange != null && !exchange.finished && state != State.CLOSED) {
            if (exchange.responseStarted) {
                exchange.notes.put("truncated", true);
                responses.abort();
            } else {
                refuse(HttpResponseStatus.BAD_GATEWAY, "app.closed", 0);
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        if (backend != null) {
            backend.close();
        }
        if (exchange != null && !exchange.finished) {
            exchange.notes.put("client", "closed");
            responses.abort();
        }
        pipelined.forEach(ReferenceCountUtil::release);
        pipelined.clear();
        connectBacklog.forEach(ReferenceCountUtil::release);
        connectBacklog.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
