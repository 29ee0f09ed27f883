package dev.metanode.httpcage;

import dev.metanode.core.log.StoredReceiptLog;
import dev.metanode.core.receipt.Receipt;
import java.time.Duration;

/** Waits for the notary's asynchronous receipts in tests. */
public final class CageReceipts {
    private CageReceipts() {}

    /** The receipt at {@code index}, waiting up to five seconds for it to become durable. */
    public static Receipt await(StoredReceiptLog log, long index) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (log.size() <= index) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no receipt at " + index + " after 5 s; log size " + log.size());
            }
            Thread.sleep(5);
        }
        return Receipt.parse(log.get(index).orElseThrow().envelope());
    }
}
