package dev.metanode.consensus.state;

import dev.metanode.core.kernel.TxHandler;
import dev.metanode.core.ledger.Transaction;
import dev.metanode.core.ledger.TxRejectedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registered {@link TxHandler}s by module name, fixed before the node starts (consensus's own module included). */
public final class HandlerRegistry {
    private final Map<String, TxHandler> byModule = new TreeMap<>();

    private final dev.metanode.consensus.chain.SignatureVerifier verifier;

    public HandlerRegistry(String chainId, List<TxHandler> handlers, dev.metanode.consensus.chain.SignatureVerifier verifier) {
        this.verifier = verifier;
        register(new ValidatorModule(chainId, verifier));
        handlers.forEach(this::register);
    }

    private void register(TxHandler handler) {
        if (byModule.putIfAbsent(handler.module(), handler) != null) {
            throw new IllegalArgumentException("two handlers for module " + handler.module());
        }
    }

    public Optional<TxHandler> handler(Transaction tx) {
        TxHandler h = byModule.get(tx.module());
        return h != null && h.types().contains(tx.type()) ? Optional.of(h) : Optional.empty();
    }

    /** Everything that can be said about a transaction without state: signature, routing, the handler's check. */
    public void check(Transaction tx) throws TxRejectedException {
        if (!verifier.verify(tx)) {
            throw new TxRejectedException("signature does not verify");
        }
        TxHandler h = handler(tx).orElseThrow(() -> new TxRejectedException("no handler for " + tx.module() + "/" + tx.type()));
        h.check(tx);
    }
}
