package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes that list each other as peers connect over the encrypted transport; a lone node opens no port. */
class PeersIT {
    private static final long CONNECT_WAIT_MS = 30_000;

    @TempDir
    Path tmp;
    private MetanodeProcess a;
    private MetanodeProcess b;

    @AfterEach
    void stop() throws Exception {
        if (a != null) {
            a.run("stop");
        }
        if (b != null) {
            b.run("stop");
        }
    }

    @Test
    void twoConfiguredNodesConnectAndALoneNodeListensNowhere() throws Exception {
        // Peers must be on one chain: the transport binds the chain id into its handshake.
        for (String node : new String[] {"a", "b"}) {
            Files.createDirectories(tmp.resolve(node));
            Files.writeString(tmp.resolve(node).resolve("metanode.yaml"), "chainId: peers-it\n");
        }
        a = new MetanodeProcess(tmp.resolve("a"));
        b = new MetanodeProcess(tmp.resolve("b"));
        a.ok("start", "--api-port", "0", "--http-port", "0");
        b.ok("start", "--api-port", "0", "--http-port", "0");
        assertTrue(a.ok("peers").out().contains("no peers configured"));
        assertTrue(Json.parse(a.ok("peers", "-o", "json").out()).path("listening").isNull());
        String keyA = Json.parse(a.ok("status", "-o", "json").out()).path("publicKey").asText();
        String keyB = Json.parse(b.ok("status", "-o", "json").out()).path("publicKey").asText();
        a.ok("stop");
        b.ok("stop");
        int portA = freePort();
        int portB = freePort();
        addPeer(tmp.resolve("a"), portA, keyB, portB);
        addPeer(tmp.resolve("b"), portB, keyA, portA);
        a.ok("start", "--api-port", "0", "--http-port", "0");
        b.ok("start", "--api-port", "0", "--http-port", "0");
        JsonNode peers = awaitConnected(a);
        assertEquals(keyB, peers.path("peers").get(0).path("key").asText());
        assertEquals("127.0.0.1:" + portA, peers.path("listening").asText());
        assertEquals(keyA, awaitConnected(b).path("peers").get(0).path("key").asText());
        assertTrue(a.ok("peers").out().contains("1 of 1 configured peers connected"));
    }

    private static void addPeer(Path home, int ownPort, String peerKey, int peerPort) throws Exception {
        Files.writeString(home.resolve("metanode.yaml"), "chainId: peers-it\nnet:\n  port: " + ownPort
                + "\n  peers:\n    - {key: \"" + peerKey + "\", address: \"127.0.0.1:" + peerPort + "\"}\n");
    }

    private static JsonNode awaitConnected(MetanodeProcess node) throws Exception {
        long deadline = System.currentTimeMillis() + CONNECT_WAIT_MS;
        JsonNode peers = null;
        while (System.currentTimeMillis() < deadline) {
            peers = Json.parse(node.ok("peers", "-o", "json").out());
            if (peers.path("peers").size() == 1) {
                return peers;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("peers did not connect within " + CONNECT_WAIT_MS + " ms: " + peers);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
