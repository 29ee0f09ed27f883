package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * metanode ca export, keys create|list|revoke against the real binary; a created key reaches the
 * daemon's API and /metrics through the front door with its role, and stops working when revoked.
 */
class KeysIT {
    @TempDir
    Path tmp;
    private MetanodeProcess metanode;

    @AfterEach
    void stop() throws Exception {
        metanode.run("stop");
    }

    @Test
    void keysAreCreatedUsedThroughTheFrontDoorListedAndRevoked() throws Exception {
        int httpPort = freePort();
        metanode = new MetanodeProcess(tmp.resolve("home"));
        metanode.ok("start", "--api-port", "0", "--http-port", Integer.toString(httpPort));

        String pem = metanode.ok("ca", "export").out();
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(ca.getBasicConstraints() >= 0, "a CA certificate");
        JsonNode caJson = Json.parse(metanode.ok("ca", "export", "-o", "json").out());
        assertEquals(pem, caJson.path("pem").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tmp.resolve("home/tls/ca-key.pem"))));

        JsonNode viewer = Json.parse(metanode.ok("keys", "create", "--role", "viewer", "--name", "dashboard",
                "-o", "json").out());
        String token = viewer.path("token").asText();
        String id = viewer.path("id").asText();
        assertTrue(token.startsWith("mnk_" + id + "_"), viewer.toString());
        assertTrue(viewer.path("receipt").asText().startsWith("rx_"));
        Path tokenFile = tmp.resolve("admin.token");
        MetanodeProcess.Result admin = metanode.ok("keys", "create", "--role", "admin", "--token-file",
                tokenFile.toString());
        assertFalse(admin.out().contains("mnk_"), "the token went to the file, not to the terminal");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        String adminToken = Files.readString(tokenFile).trim();

        assertTrue(get(httpPort, "/api/v1/status", token).startsWith("HTTP/1.1 200"), "viewer reads status");
        assertTrue(get(httpPort, "/api/v1/keys", token).startsWith("HTTP/1.1 403"), "viewer may not list keys");
        String keysViaCage = get(httpPort, "/api/v1/keys", adminToken);
        assertTrue(keysViaCage.startsWith("HTTP/1.1 200") && keysViaCage.contains(id), keysViaCage);
        String metrics = get(httpPort, "/metrics", token);
        assertTrue(metrics.startsWith("HTTP/1.1 200"), metrics);
        assertTrue(metrics.contains("metanode_receipts ") && metrics.contains("metanode_http_requests_total"), metrics);

        MetanodeProcess.Result listed = metanode.ok("keys", "list");
        assertTrue(listed.out().contains(id) && listed.out().contains("dashboard"), listed.out());
        assertFalse(listed.out().contains(token.substring(20)), "list never shows a token");
        metanode.ok("keys", "revoke", id);
        assertTrue(get(httpPort, "/api/v1/status", token).startsWith("HTTP/1.1 401"), "revoked");
        JsonNode keys = Json.parse(metanode.ok("keys", "list", "-o", "json").out());
        assertTrue(keys.toString().contains("\"revoked\":true"), keys.toString());

        MetanodeProcess.Result unknown = metanode.run("keys", "revoke", "0123456789ab");
        assertEquals(1, unknown.exit());
        assertEquals("metanode: no API key '0123456789ab' (metanode keys list shows them)", unknown.err().trim());
        MetanodeProcess.Result badRole = metanode.run("keys", "create", "--role", "king");
        assertEquals(1, badRole.exit());
        assertTrue(badRole.err().trim().startsWith("metanode: unknown role 'king'"), badRole.err());

        assertEquals(2, receipts("http.key.create").size());
        JsonNode revoked = receipts("http.key.revoke");
        assertEquals(1, revoked.size());
        String log = Json.parse(metanode.ok("receipts", "--limit", "100", "-o", "json").out()).toString();
        assertFalse(log.contains(token.substring(20)) || log.contains(adminToken.substring(20)), "no token in receipts");
        assertFalse(Files.readString(tmp.resolve("home/logs/daemon.out")).contains(token.substring(20)), "nor in logs");
    }

    private JsonNode receipts(String operation) throws Exception {
        return Json.parse(metanode.ok("receipts", "--operation", operation, "-o", "json").out());
    }

    /** A raw GET through the front door with Host localhost (the daemon's API). */
    static String get(int port, String path, String token) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
