package dev.metanode.cli.daemon;

import dev.metanode.core.event.Event;
import dev.metanode.core.event.EventFeed;
import dev.metanode.core.log.StoredReceiptLog;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the node's event feed (streamed on the front door's {@code /ws}): from the receipt log a
 * {@code receipt} event per durable append (and an {@code app} event when it records an app's
 * life: deploy, start, exit, restart, removal), a {@code checkpoint} event per signed checkpoint;
 * from the chain a {@code block} event per final block. The listeners run on the log's writer
 * thread and the consensus thread; publishing only queues, so they never block them.
 */
final class NodeEvents {
    /** Receipt operations that record an app's life: app.deploy, app.start, app.exit, app.restart... */
    private static final String APP_OPERATION = "app.";

    private NodeEvents() {
    }

    static void feedFrom(StoredReceiptLog log, EventFeed feed) {
        log.onAppend(summary -> {
            Map<String, Object> body = receiptBody(summary);
            feed.publish(Event.RECEIPT, body);
            if (body.get("operation") instanceof String op && op.startsWith(APP_OPERATION) && body.containsKey("app")) {
                feed.publish(Event.APP, Map.of("app", body.get("app"), "change", op.substring(APP_OPERATION.length()),
                        "receipt", String.valueOf(body.get("id"))));
            }
        });
        log.onCheckpoint(note -> feed.publish(Event.CHECKPOINT, checkpointBody(note)));
    }

    static void feedFrom(ChainService chain, EventFeed feed) {
        chain.onBlock(block -> feed.publish(Event.BLOCK, Map.of("height", block.height(),
                "hash", HexFormat.of().formatHex(block.hash()), "txs", block.transactions().size(),
                "time", block.timestampMillis())));
    }

    /** A signed checkpoint note (C2SP tlog-checkpoint): origin, tree size and root on its first three lines. */
    static Map<String, Object> checkpointBody(String note) {
        String[] lines = note.split("\n", 4);
        Map<String, Object> body = new LinkedHashMap<>();
        if (lines.length >= 3) {
            body.put("origin", lines[0]);
            try {
                body.put("size", Long.parseLong(lines[1]));
            } catch (NumberFormatException e) {
                body.put("size", lines[1]);
            }
            body.put("root", lines[2]);
        }
        return body;
    }

    static Map<String, Object> receiptBody(Map<String, Object> summary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", summary.get("id"));
        body.put("kind", summary.get("kind"));
        body.put("operation", summary.get("operation"));
        if (summary.get("apps") instanceof List<?> apps && !apps.isEmpty()) {
            body.put("app", apps.get(0).toString());
        }
        return body;
    }
}
