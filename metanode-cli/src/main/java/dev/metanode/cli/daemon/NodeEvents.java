package dev.metanode.cli.daemon;

import dev.metanode.core.event.Event;
import dev.metanode.core.event.EventFeed;
import dev.metanode.core.log.StoredReceiptLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the node's event feed (streamed on the front door's {@code /ws}) from the receipt log:
 * a {@code receipt} event per durable append, a {@code checkpoint} event per signed checkpoint.
 * Both listeners run on the log's writer thread; publishing only queues, so they never block it.
 */
final class NodeEvents {
    private NodeEvents() {
    }

    static void feedFrom(StoredReceiptLog log, EventFeed feed) {
        log.onAppend(summary -> feed.publish(Event.RECEIPT, receiptBody(summary)));
        log.onCheckpoint(note -> feed.publish(Event.CHECKPOINT, Map.of("size", log.size())));
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
