package dev.metanode.cli.daemon;

import dev.metanode.consensus.runtime.LedgerService;
import dev.metanode.consensus.runtime.SubmitRefusedException;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxInclusion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/chain/txs}: signed transactions into the chain. The body is a batch in binary,
 * each transaction as a 4-byte big-endian length and its encoding ({@link Transaction#encode}); the
 * answer ({@link dev.metanode.cli.client.TxBatch} writes such bodies) lists, in order, where each one landed once final ({@code ?wait=commit}, the default) or
 * only its id ({@code ?wait=none}).
 */
final class ChainTxRoutes {
    /** Transactions one request may carry. */
    static final int BATCH_TXS_MAX = 2_000;
    /** How long a request waits for its transactions to be final, by default and at most. */
    static final long WAIT_MS_DEFAULT = 30_000;

    private final Supplier<LedgerService> ledger;

    ChainTxRoutes(Supplier<LedgerService> ledger) {
        this.ledger = ledger;
    }

    void register(Router router) {
        router.add("POST", "/api/v1/chain/txs", this::submit);
    }

    private ApiResponse submit(ApiRequest request) {
        List<Transaction> txs = decode(request.body());
        String wait = request.query("wait", "commit");
        if (!wait.equals("commit") && !wait.equals("none")) {
            throw new ApiError(400, "wait is 'commit' or 'none', not '" + wait + "'");
        }
        long waitMs = request.queryLong("timeoutMs", WAIT_MS_DEFAULT, 1, WAIT_MS_DEFAULT);
        LedgerService chain = ledger.get();
        List<CompletableFuture<TxInclusion>> futures = chain.submitAll(txs);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", txs.get(i).idHex());
            if (wait.equals("commit")) {
                outcome(futures.get(i), deadline, r);
            }
            results.add(r);
        }
        return ApiResponse.json(Map.of("results", results));
    }

    private static void outcome(CompletableFuture<TxInclusion> future, long deadlineNanos, Map<String, Object> r) {
        try {
            TxInclusion in = future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            r.put("status", in.applied() ? "applied" : "failed");
            r.put("height", in.height());
            r.put("index", in.index());
            if (!in.applied()) {
                r.put("failure", in.failure());
            }
        } catch (TimeoutException e) {
            r.put("status", "pending");
        } catch (ExecutionException e) {
            r.put("status", e.getCause() instanceof SubmitRefusedException ? "refused" : "error");
            r.put("failure", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.put("status", "pending");
        }
    }

    /** The binary batch; a malformed one is refused whole, naming the first bad entry. */
    static List<Transaction> decode(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<Transaction> txs = new ArrayList<>();
        while (in.hasRemaining()) {
            if (txs.size() == BATCH_TXS_MAX) {
                throw new ApiError(413, "more than " + BATCH_TXS_MAX + " transactions in one request");
            }
            if (in.remaining() < 4) {
                throw new ApiError(400, "transaction " + txs.size() + ": truncated length prefix");
            }
            int length = in.getInt();
            if (length <= 0 || length > Transaction.ENCODED_BYTES_MAX || length > in.remaining()) {
                throw new ApiError(400, "transaction " + txs.size() + ": bad length " + length);
            }
            byte[] bytes = new byte[length];
            in.get(bytes);
            try {
                // Cached keys: checking a key's point is a square root, and one client signs many transactions.
                txs.add(Transaction.decode(bytes, dev.metanode.consensus.codec.KeyCache::key));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "transaction " + txs.size() + ": " + e.getMessage());
            }
        }
        if (txs.isEmpty()) {
            throw new ApiError(400, "no transactions in the body");
        }
        return txs;
    }
}
