package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.GateDecision;
import dev.metanode.httpcage.RequestFacts;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The request side of one front connection: checks each request head, then streams it to the app
 * over one kept-alive loopback connection. Backpressure: the client is read only after the last
 * piece was written to the app; the app only after the last piece was written to the client
 * ({@link ResponsePath}). Pipelined requests wait until the exchange before them is finished.
 */
public final class FrontDoorHandler extends ChannelInboundHandlerAdapter {
    /** SWITCHING_TO_H2: an h2c upgrade was taken up and waits for the end of its (bodyless) request. */
    enum State { IDLE, FORWARDING, AWAITING_RESPONSE, SWITCHING_TO_H2, CLOSED }

    final ProxyContext cage;
    final HeadDeadline deadline;
    ChannelHandlerContext ctx;
    State state = State.IDLE;
    Exchange exchange;
    final AppConnection app = new AppConnection(this);
    final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    final ResponsePath responses;
    /** The request time limit of the exchange in progress. */
    LazyTimer requestTimer;
    private LazyTimer idleTimer;
    /** The h2c upgrade taken up, while its request is still arriving. */
    private H2cUpgrade h2c;

    /** @param deadline the connection's HTTP/1 head deadline; null on an HTTP/2 stream, whose head is complete when it opens */
    FrontDoorHandler(ProxyContext cage, HeadDeadline deadline) {
        this.cage = cage;
        this.deadline = deadline;
        this.responses = new ResponsePath(this);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.requestTimer = new LazyTimer(ctx.executor(), this::requestTimedOut);
        this.idleTimer = new LazyTimer(ctx.executor(), this::idleTimedOut);
        if (ctx.channel().isActive()) {
            armIdle(); // added after TLS and ALPN: the connection is already open
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        requestTimer.stop();
        idleTimer.stop();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        armIdle();
        ctx.read();
        ctx.fireChannelActive();
    }

    /**
     * The idle timeout: a keep-alive connection with nothing in flight is closed after
     * {@code idleTimeoutMs}. Our own lazy timer rather than Netty's IdleStateHandler, which put a
     * listener on every write's promise and sat in both directions of the pipeline (a few per cent
     * of the proxy's CPU in a profile). Exchanges in flight are the request time limit's business.
     * HTTP/2 streams have none: the connection's own handler watches it.
     */
    private void armIdle() {
        if (deadline != null) {
            idleTimer.arm(cage.limits().idleTimeoutMs());
        }
    }

    private void idleTimedOut() {
        if (state == State.IDLE && exchange == null && ctx.channel().isActive()) {
            ctx.close();
        }
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
            case SWITCHING_TO_H2 -> switchToHttp2(msg);
            case CLOSED -> ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(HttpRequest head) {
        idleTimer.disarm();
        if (deadline != null) {
            deadline.headReceived();
        }
        exchange = new Exchange(head, cage.clock().nanoTime(), cage.notary() != null);
        if (exchange.h2c && takesUpH2c(head)) {
            return;
        }
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
        if (route.get().api() && exchange.path.equals(EventSocket.PATH) && cage.events() != null) {
            EventSocket.open(this, head, cage.events());
            return;
        }
        if (route.get().api() && exchange.path.equals(ProxyContext.METRICS_PATH)) {
            responses.local(Replies.text(cage.metrics().scrape(), "text/plain; version=0.0.4; charset=utf-8"));
            return;
        }
        forwardHead(route.get(), head, decision);
    }

    /** Takes up an h2c upgrade if the connection (HTTP/1, plain) and the request allow it. */
    private boolean takesUpH2c(HttpRequest head) {
        h2c = deadline == null ? null : H2cUpgrade.offered(head, cage.scheme());
        if (h2c == null) {
            return false;
        }
        // No exchange on this connection: the request comes back as stream 1 and is checked there.
        exchange = null;
        state = State.SWITCHING_TO_H2;
        return true;
    }

    /** The upgrading request is whole (it has no body, so this is its empty last piece): switch. */
    private void switchToHttp2(Object msg) {
        boolean whole = msg instanceof LastHttpContent;
        ReferenceCountUtil.release(msg);
        state = State.CLOSED;
        app.close(); // an earlier exchange's app connection; the streams open their own
        if (whole) {
            h2c.switchProtocols(ctx, deadline, cage);
        } else {
            ctx.close();
        }
        h2c = null;
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
        HttpRequest out = ForwardedRequest.of(head, exchange.upgrade, decision, clientAddress(), cage.scheme(),
                route.api() ? cage.apiBearer() : null);
        requestTimer.arm(cage.limits().requestTimeMaxMs());
        app.use(route.port());
        app.send(out);
    }

    /** A write to the app finished: read the client again while its request is still streaming. */
    void sentToApp(boolean success) {
        if (!success) {
            ctx.close();
        } else if (state == State.FORWARDING) {
            ctx.read();
        }
    }

    void appUnreachable() {
        if (state == State.FORWARDING || state == State.AWAITING_RESPONSE) {
            refuse(HttpResponseStatus.BAD_GATEWAY, "app.unreachable", 0);
        }
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
        app.send(content);
    }

    private void markIfLast(HttpContent content) {
        if (content instanceof LastHttpContent) {
            state = State.AWAITING_RESPONSE;
            exchange.requestDone = true;
            if (!exchange.upgrade && pipelined.isEmpty()) {
                // Ask for the next read now, while this read is still being handled: with auto-read
                // off, a channel left without a pending read has its epoll interest cleared, and the
                // read asked for after the response sets it again, two epoll_ctl calls a request
                // (strace: 1 in 3 of the cage's syscalls). Whatever arrives early waits in pipelined.
                ctx.read();
            }
        }
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
        app.close();
        responses.local(Replies.error(status, reason, retryAfterSeconds));
    }

    /** After an exchange that leaves the connection open: handle requests that arrived meanwhile. */
    void nextExchange() {
        state = State.IDLE;
        exchange = null;
        if (deadline != null) {
            deadline.exchangeDone();
        }
        if (!pipelined.isEmpty()) {
            List<Object> queued = new ArrayList<>(pipelined);
            pipelined.clear();
            for (Object msg : queued) {
                channelRead(ctx, msg);
            }
        }
        if (state == State.IDLE) {
            armIdle();
            ctx.read();
        }
    }

    /** The app closed its connection; while an exchange needs it, that ends the exchange. */
    void backendClosed(Channel channel) {
        if (!app.is(channel)) {
            return;
        }
        app.close();
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
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        app.close();
        if (exchange != null && !exchange.finished) {
            exchange.notes.put("client", "closed");
            responses.abort();
        }
        pipelined.forEach(ReferenceCountUtil::release);
        pipelined.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
