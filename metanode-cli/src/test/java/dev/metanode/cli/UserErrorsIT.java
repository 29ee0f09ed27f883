package dev.metanode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's mistake: one clear line on stderr, a non-zero exit, never a stack trace. */
class UserErrorsIT {
    @TempDir
    Path tmp;

    private void oneClearLine(MetanodeProcess.Result r, String expected) {
        assertNotEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.all().contains("Exception"), r.all());
        assertFalse(r.all().contains("\tat "), r.all());
    }

    @Test
    void mistakesGetOneLineAndANonZeroExit() throws Exception {
        MetanodeProcess metanode = new MetanodeProcess(tmp.resolve("home"));
        oneClearLine(metanode.run("status"), "no node is running");
        oneClearLine(metanode.run("events"), "no node is running");
        oneClearLine(metanode.run("events", "--types", "receipt,bogus"), "Invalid value");
        assertEquals(2, metanode.run("events", "--types", "bogus").exit());
        oneClearLine(metanode.run("receipts", "show", "rx_nothex!"), "is not a receipt id");
        oneClearLine(metanode.run("status", "--bogus"), "Unknown option");
        assertEquals(2, metanode.run("status", "--bogus").exit());
        oneClearLine(metanode.run("verify", "--bundle", tmp.resolve("missing.json").toString(), "--trust", "x.pub"),
                "no such key file");
        Path pub = tmp.resolve("node.pub");
        Files.writeString(pub, "not a key\n");
        Path junk = tmp.resolve("junk.json");
        Files.writeString(junk, "{\"format\": 1");
        oneClearLine(metanode.run("verify", "--bundle", junk.toString(), "--trust", pub.toString()), "not a verifier key");
        oneClearLine(metanode.run("key", "show"), "no node key");
        oneClearLine(metanode.run("verify", "--bundle", junk.toString()), "needs --trust");
    }

    @Test
    void aMalformedBundleIsNamed() throws Exception {
        MetanodeProcess metanode = new MetanodeProcess(tmp.resolve("home"));
        Path pub = tmp.resolve("node.pub");
        Files.writeString(pub, "metanode/x+01234567+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        Path junk = tmp.resolve("junk.json");
        Files.writeString(junk, "{\"format\": 1");
        MetanodeProcess.Result r = metanode.run("verify", "--bundle", junk.toString(), "--trust", pub.toString());
        assertNotEquals(0, r.exit());
        assertFalse(r.all().contains("Exception"), r.all());
    }
}
