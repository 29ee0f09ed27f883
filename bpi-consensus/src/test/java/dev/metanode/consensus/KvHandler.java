package dev.metanode.consensus;

import dev.metanode.core.kernel.TxHandler;
import dev.metanode.core.ledger.StateView;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxContext;
import dev.metanode.core.ledger.TxRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** A test module: {@code kv/put} with payload "key=value" stores it; a value "fail" is refused at apply time. */
public final class KvHandler implements TxHandler {
    @Override
    public String module() {
        return "kv";
    }

    @Override
    public Set<String> types() {
        return Set.of("put");
    }

    @Override
    public void check(Transaction tx) throws TxRejectedException {
        if (!new String(tx.payload(), StandardCharsets.UTF_8).contains("=")) {
            throw new TxRejectedException("payload must be key=value");
        }
    }

    @Override
    public void apply(Transaction tx, StateView state, TxContext context) throws TxRejectedException {
        String[] kv = new String(tx.payload(), StandardCharsets.UTF_8).split("=", 2);
        if (kv[1].equals("fail")) {
            throw new TxRejectedException("asked to fail");
        }
        state.put(kv[0].getBytes(StandardCharsets.UTF_8), kv[1].getBytes(StandardCharsets.UTF_8));
    }

    public static Transaction put(dev.metanode.core.crypto.SigningKey key, long nonce, String keyValue) {
        return Transaction.sign(key, "kv", "put", nonce, keyValue.getBytes(StandardCharsets.UTF_8));
    }
}
