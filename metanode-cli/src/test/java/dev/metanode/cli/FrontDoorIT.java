package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front door from metanode.yaml: a public listener needs TLS (refused otherwise), speaks TLS
 * 1.3 with a certificate from the CA that {@code metanode ca export} prints, and applies the
 * app's own http policy (API key, traffic light) from the app's metanode.yaml.
 */
class FrontDoorIT {
    private static final long APP_READY_WAIT_MS = 60_000;

    @TempDir
    Path tmp;
    private MetanodeProcess metanode;

    @AfterEach
    void stop() throws Exception {
        if (metanode != null) {
            metanode.run("stop");
        }
    }

    @Test
    void tlsListenerFromConfigAppliesTheAppsPolicy() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        int httpPort = KeysIT.freePort();
        Files.writeString(home.resolve("metanode.yaml"), "chainId: front-door\nhttp:\n  host: 0.0.0.0\n");
        MetanodeProcess refused = new MetanodeProcess(home);
        MetanodeProcess.Result plain = refused.run("start", "--api-port", "0", "--http-port", Integer.toString(httpPort));
        assertNotEquals(0, plain.exit());
        assertTrue(plain.err().contains("http.host 0.0.0.0 is not loopback: plain HTTP is served on loopback only;"
                + " set http.tls: true"), plain.all());
        assertFalse(plain.all().contains("Exception"), plain.all());

        Files.writeString(home.resolve("metanode.yaml"), "chainId: front-door\nhttp:\n  host: 0.0.0.0\n  tls: true\n");
        metanode = new MetanodeProcess(home);
        metanode.ok("start", "--api-port", "0", "--http-port", Integer.toString(httpPort));
        String caPem = metanode.ok("ca", "export").out();
        String token = Json.parse(metanode.ok("keys", "create", "--role", "viewer", "-o", "json").out())
                .path("token").asText();

        int appPort = KeysIT.freePort();
        JsonNode deployed = Json.parse(metanode.ok("deploy", sampleWithPolicy(appPort).toString(), "-o", "json").out());
        assertEquals("https://hello.localhost:" + httpPort + "/", deployed.path("url").asText(), deployed.toString());
        awaitHttp(appPort);

        try (SSLSocket socket = connect(caPem, httpPort, "hello.localhost")) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertTrue(peer.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("hello.localhost")));
        }
        assertTrue(get(caPem, httpPort, "hello.localhost", "/", null, null).startsWith("HTTP/1.1 401"));
        String ok = get(caPem, httpPort, "hello.localhost", "/", token, null);
        assertTrue(ok.startsWith("HTTP/1.1 200") && ok.contains("hello from metanode"), ok);
        assertTrue(get(caPem, httpPort, "hello.localhost", "/", token, "health").startsWith("HTTP/1.1 451"),
                "the app's red legal rule");
        String yellow = get(caPem, httpPort, "hello.localhost", "/", token, "personal");
        assertTrue(yellow.startsWith("HTTP/1.1 200"), yellow);
        assertTrue(get(caPem, httpPort, "localhost", "/api/v1/status", token, null).startsWith("HTTP/1.1 200"),
                "the daemon's API behind the same TLS front door");

        JsonNode pipeline = Json.parse(metanode.ok("receipts", "--kind", "pipeline", "--limit", "50", "-o", "json").out());
        StringBuilder all = new StringBuilder();
        String exchangeId = null;
        String api = ApiClientSide.url(home);
        for (JsonNode r : pipeline) {
            all.append(metanode.ok("receipts", "show", r.path("id").asText(), "-o", "json").out());
            JsonNode exchanges = ApiClientSide.get(api + "/api/v1/receipts/" + r.path("id").asText() + "/exchanges",
                    ApiClientSide.token(home)).body();
            all.append(exchanges);
            for (JsonNode e : exchanges.path("exchanges")) {
                if (e.path("record").path("status").asInt() == 451) {
                    exchangeId = e.path("id").asText();
                    assertEquals("no-health", e.path("record").path("policy").path("flowRule").asText(), e.toString());
                }
            }
        }
        assertTrue(all.toString().contains("\"flow\":\"yellow\""), all.toString());
        assertFalse(all.toString().contains(token.substring(20)), "no token in receipts");

        // One exchange, proven offline with nothing but the node's public key.
        assertTrue(exchangeId != null && exchangeId.startsWith("hx_"), all.toString());
        Path proof = tmp.resolve("exchange.json");
        metanode.ok("receipts", "export", exchangeId, "--out", proof.toString());
        Path pub = tmp.resolve("node.pub");
        Files.writeString(pub, metanode.ok("key", "show").out());
        MetanodeProcess offline = new MetanodeProcess(tmp.resolve("elsewhere"));
        String verified = offline.ok("verify", "--bundle", proof.toString(), "--trust", pub.toString()).out();
        assertTrue(verified.contains("ok    exchange: exchange "), verified);
        String text = Files.readString(proof);
        Files.writeString(proof, text.replace("\\\"status\\\":451", "\\\"status\\\":200"));
        assertNotEquals(text, Files.readString(proof), "the test changed the record");
        MetanodeProcess.Result forged = offline.run("verify", "--bundle", proof.toString(), "--trust", pub.toString());
        assertEquals(1, forged.exit(), forged.all());
        assertTrue(forged.err().contains("verification FAILED: exchange"), forged.all());
    }

    /** The sample app with an http section: API key needed, health data refused, personal data flagged. */
    private Path sampleWithPolicy(int port) throws IOException {
        Path source = MetanodeProcess.launcher().getParent().getParent().resolve("examples/hello");
        Path app = tmp.resolve("hello");
        Files.createDirectories(app);
        Files.copy(source.resolve("Hello.java"), app.resolve("Hello.java"));
        Files.writeString(app.resolve("metanode.yaml"), Files.readString(source.resolve("metanode.yaml"))
                .replace("port: 8080", "port: " + port) + """
                http:
                  auth: api-key
                  role: viewer
                  policy:
                    rules:
                      - {name: no-health, data-class: health, light: red, legal: true}
                      - {name: personal, data-class: personal, light: yellow}
                """);
        return app;
    }

    private static String get(String caPem, int port, String host, String path, String token, String dataClass)
            throws Exception {
        try (SSLSocket socket = connect(caPem, port, host)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + (dataClass == null ? "" : "X-Data-Class: " + dataClass + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A TLS 1.3 client that trusts nothing but the exported CA and checks the host name. */
    private static SSLSocket connect(String caPem, int port, String sni) throws Exception {
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("metanode-ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, tmf.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        SSLParameters params = socket.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(sni)));
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        socket.startHandshake();
        return socket;
    }

    private static void awaitHttp(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + APP_READY_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2_000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the app did not answer on port " + port + " within " + APP_READY_WAIT_MS + " ms");
    }
}
