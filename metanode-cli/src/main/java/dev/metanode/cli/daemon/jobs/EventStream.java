package dev.metanode.cli.daemon.jobs;

import dev.metanode.core.codec.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Newline-delimited JSON events to one client, written from the cage's output threads and the
 * request thread alike; the first failed write marks the client gone.
 */
final class EventStream {
    private final OutputStream out;
    private volatile boolean gone;

    EventStream(OutputStream out) {
        this.out = out;
    }

    synchronized void send(Map<String, Object> event) {
        if (gone) {
            return;
        }
        try {
            out.write((Json.write(event) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            gone = true;
        }
    }

    boolean gone() {
        return gone;
    }
}
