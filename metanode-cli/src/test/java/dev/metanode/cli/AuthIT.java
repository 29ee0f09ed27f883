package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metanode.core.codec.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No token or a wrong one: 401, and the denial is itself a receipt. Only loopback listens. */
class AuthIT {
    @TempDir
    Path home;
    private MetanodeProcess metanode;

    @AfterEach
    void stop() throws Exception {
        metanode.run("stop");
    }

    @Test
    void deniedRequestsGet401AndLeaveAReceipt() throws Exception {
        metanode = new MetanodeProcess(home);
        metanode.ok("start", "--api-port", "0", "--http-port", "0");
        String url = ApiClientSide.url(home);
        assertTrue(url.startsWith("http://127.0.0.1:"), url);

        ApiClientSide.Answer none = ApiClientSide.get(url + "/api/v1/status", null);
        assertEquals(401, none.status());
        ApiClientSide.Answer wrong = ApiClientSide.get(url + "/api/v1/status", "0".repeat(64));
        assertEquals(401, wrong.status());
        String receipt = wrong.body().path("receipt").asText();
        assertTrue(receipt.startsWith("rx_"), wrong.body().toString());

        JsonNode denied = Json.parse(metanode.ok("receipts", "--operation", "api.denied", "-o", "json").out());
        assertEquals(2, denied.size());
        JsonNode shown = Json.parse(metanode.ok("receipts", "show", receipt, "-o", "json").out());
        JsonNode predicate = shown.path("statement").path("predicate");
        assertEquals("wrong bearer token", predicate.path("policy").path("reason").asText());
        assertEquals("/api/v1/status", predicate.path("inputs").path("path").asText());
        assertTrue(!shown.toString().contains("0".repeat(64)), "the tried token must not be recorded");
    }
}
