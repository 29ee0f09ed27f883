/**
 * The types the {@link dev.metanode.core.kernel.Ledger} and {@link dev.metanode.core.kernel.TxHandler}
 * ports speak: signed {@link dev.metanode.core.ledger.Transaction}s, where they were included, the
 * committed blocks followers see, and the per-module {@link dev.metanode.core.ledger.StateView}.
 */
package dev.metanode.core.ledger;
