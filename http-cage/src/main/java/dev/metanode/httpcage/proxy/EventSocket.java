package dev.metanode.httpcage.proxy;

import dev.metanode.core.event.Event;
import dev.metanode.core.event.EventFeed;
import dev.metanode.core.event.EventFilter;
import dev.metanode.core.event.EventJson;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The API host's {@code /ws}: after the gates allowed the request (VIEWER), the connection leaves
 * the proxy and streams the node's events as JSON text frames. Writes follow the channel's
 * writability, so a slow client fills only its own bounded queue in the {@link EventFeed} and
 * gets a {@code lagged} event; the publisher never waits.
 */
final class EventSocket extends ChannelInboundHandlerAdapter {
    static final String PATH = "/ws";
    /** Clients send nothing meaningful; anything larger than a close frame's reason is hostile. */
    static final int CLIENT_FRAME_BYTES_MAX = 1024;
    /** A client silent this long is pinged; silent for another period, it is closed. */
    static final long PING_AFTER_MS = 30_000;

    private final EventFeed.Subscription subscription;
    private final WebSocketServerHandshaker handshaker;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private ChannelHandlerContext ctx;
    private boolean pinged;

    private EventSocket(EventFeed.Subscription subscription, WebSocketServerHandshaker handshaker) {
        this.subscription = subscription;
        this.handshaker = handshaker;
    }

    /** Takes over the front connection for {@code head}, or refuses it with the cage's error. */
    static void open(FrontDoorHandler front, HttpRequest head, EventFeed feed) {
        if (front.cage.notary() != null && front.exchange.reserved) {
            front.cage.notary().release();
            front.exchange.reserved = false;
        }
        EventFilter filter;
        try {
            int q = head.uri().indexOf('?');
            filter = EventFilter.parse(q < 0 ? null : head.uri().substring(q + 1));
        } catch (IllegalArgumentException e) {
            front.refuse(HttpResponseStatus.BAD_REQUEST, "ws.filter", 0);
            return;
        }
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                front.cage.scheme().replace("http", "ws") + "://" + head.headers().get("host") + PATH,
                null, false, CLIENT_FRAME_BYTES_MAX).newHandshaker(head);
        if (handshaker == null) {
            front.refuse(HttpResponseStatus.UPGRADE_REQUIRED, "ws.version", 0);
            return;
        }
        EventFeed.Subscription subscription;
        try {
            subscription = feed.subscribe(filter);
        } catch (EventFeed.TooManySubscribersException e) {
            front.refuse(HttpResponseStatus.SERVICE_UNAVAILABLE, "ws.subscribers", 0);
            return;
        }
        front.cage.metrics().request(front.exchange.app, 101, front.cage.clock().nanoTime() - front.exchange.startNanos);
        ChannelPipeline pipeline = front.ctx.pipeline();
        EventSocket socket = new EventSocket(subscription, handshaker);
        pipeline.remove("deadline");
        pipeline.replace(front, "events", socket);
        pipeline.addBefore("events", "ping", new IdleStateHandler(PING_AFTER_MS, 0, 0, TimeUnit.MILLISECONDS));
        // A full request makes the handshake synchronous: the HTTP decoder is replaced before it
        // could read the client's first frames as another request.
        FullHttpRequest full = new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(),
                Unpooled.EMPTY_BUFFER, head.headers(), EmptyHttpHeaders.INSTANCE);
        handshaker.handshake(socket.ctx.channel(), full).addListener(done -> {
            if (done.isSuccess()) {
                subscription.onReady(socket::scheduleDrain);
                socket.ctx.channel().config().setAutoRead(true);
                socket.scheduleDrain();
            } else {
                socket.ctx.close();
            }
        });
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Runs on the publisher's thread: hands over to the event loop at most once at a time. */
    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            ctx.executor().execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        boolean wrote = false;
        while (ctx.channel().isWritable()) {
            Event event = subscription.poll();
            if (event == null) {
                break;
            }
            ctx.write(new TextWebSocketFrame(encode(event)));
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    static String encode(Event event) {
        return EventJson.encode(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        pinged = false;
        try {
            if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof CloseWebSocketFrame close) {
                handshaker.close(ctx.channel(), close.retain());
            } else if (msg instanceof BinaryWebSocketFrame) {
                handshaker.close(ctx.channel(), new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_MESSAGE_TYPE));
            }
            // Text frames, pongs and the request's empty last content carry nothing for us.
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (pinged) {
                ctx.close();
            } else {
                pinged = true;
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        subscription.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Hostile or broken frames end this socket and nothing else.
        ctx.close();
    }
}
