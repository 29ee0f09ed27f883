package dev.metanode.cli.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.metanode.core.kernel.ReceiptLog;
import dev.metanode.core.kernel.Service;
import dev.metanode.core.receipt.ReceiptDraft;
import dev.metanode.core.receipt.ReceiptKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP API on loopback: bearer-token auth on everything under /api, a receipt for
 * every denied request, bounded request bodies, JSON errors. /healthz answers without a token
 * so that {@code metanode start} can see the daemon come up; it says nothing but "ok".
 */
public final class ApiServer implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Request bodies larger than this are refused with 413. */
    public static final int REQUEST_BODY_BYTES_MAX = 1 << 20;
    /** Connections waiting to be accepted. */
    public static final int ACCEPT_BACKLOG_MAX = 128;
    /** Set by the HTTP cage on calls it authenticated; see {@link #caller}. */
    static final String CAGE_PRINCIPAL = "X-Metanode-Principal";
    /** Seconds stop() waits for other running exchanges to finish. */
    private static final int STOP_GRACE_S = 2;

    private final String host;
    private final int port;
    private final byte[] token;
    private final Router router;
    private final ReceiptLog receipts;
    private HttpServer server;
    private ExecutorService executor;

    public ApiServer(String host, int port, String token, Router router, ReceiptLog receipts) {
        this.host = host;
        this.port = port;
        this.token = ("Bearer " + token.trim()).getBytes(StandardCharsets.UTF_8);
        this.router = router;
        this.receipts = receipts;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), ACCEPT_BACKLOG_MAX);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        LOG.info("API listening on {}", url());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        InetSocketAddress bound = server.getAddress();
        String h = bound.getAddress().getHostAddress();
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + bound.getPort();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(STOP_GRACE_S);
            executor.shutdown();
        }
    }

    private void exchange(HttpExchange ex) throws IOException {
        ApiResponse response;
        String path = ex.getRequestURI().getRawPath();
        try {
            if (path.equals("/healthz")) {
                response = ApiResponse.text("ok\n");
            } else {
                authenticate(ex, path);
                response = dispatch(ex, path);
            }
        } catch (ApiError e) {
            response = ApiResponse.json(e.status(), e.body());
        } catch (IllegalArgumentException e) {
            response = ApiResponse.json(400, Map.of("error", String.valueOf(e.getMessage())));
        } catch (dev.metanode.core.workload.WorkloadException e) {
            // The cage could not start what was asked (missing program, bad profile): the user's to fix.
            response = ApiResponse.json(422, Map.of("error", String.valueOf(e.getMessage())));
        } catch (Exception e) {
            LOG.error("{} {} failed", ex.getRequestMethod(), path, e);
            response = ApiResponse.json(500, Map.of("error", "internal error: " + e));
        }
        ex.getResponseHeaders().set("Content-Type", response.contentType());
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if (response.streamer() != null) {
            ex.sendResponseHeaders(response.status(), 0);
            try (var out = ex.getResponseBody()) {
                response.streamer().write(out);
            } catch (IOException e) {
                LOG.debug("{} {}: client went away: {}", ex.getRequestMethod(), path, e.getMessage());
            }
            return;
        }
        ex.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (var out = ex.getResponseBody()) {
            out.write(response.body());
        }
        if (response.afterSend() != null) {
            response.afterSend().run();
        }
    }

    private void authenticate(HttpExchange ex, String path) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String reason = header == null ? "no bearer token"
                : MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), token) ? null : "wrong bearer token";
        if (reason == null) {
            return;
        }
        // The denial itself is an operation: it leaves a durable receipt (never the token that was
        // tried) before the client hears about it, and the client is told the receipt's id.
        String receiptId = receipts.appendAndWait(ReceiptDraft.builder(ReceiptKind.ACTION, "remote:" + remote(ex), "api.denied")
                .input("method", ex.getRequestMethod()).input("path", path)
                .result("status", 401).policy("reason", reason).build()).id();
        throw new ApiError(401, reason + "; the CLI sends the token from the node's api.token", receiptId);
    }

    private ApiResponse dispatch(HttpExchange ex, String path) throws Exception {
        Router.Match match = router.match(ex.getRequestMethod(), path);
        byte[] body = readBody(ex.getRequestBody());
        ApiRequest request = new ApiRequest(ex.getRequestMethod(), path, query(ex.getRequestURI().getRawQuery()),
                decode(match.params()), body, caller(ex));
        return match.route().handle(request);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(REQUEST_BODY_BYTES_MAX + 1);
        if (body.length > REQUEST_BODY_BYTES_MAX) {
            throw new ApiError(413, "request body exceeds " + REQUEST_BODY_BYTES_MAX + " bytes");
        }
        return body;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> decode(List<String> params) {
        return params.stream().map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList();
    }

    /**
     * Who called, for receipts: the principal the HTTP cage authenticated (API key or JWT) when the
     * call came through the front door, else the peer address. Trusted only after the token check:
     * only the cage and the CLI hold the token.
     */
    private static String caller(HttpExchange ex) {
        String principal = ex.getRequestHeaders().getFirst(CAGE_PRINCIPAL);
        return principal != null && principal.matches("[A-Za-z0-9:._@-]{1,200}") ? principal : remote(ex);
    }

    private static String remote(HttpExchange ex) {
        return ex.getRemoteAddress().getAddress().getHostAddress();
    }
}
