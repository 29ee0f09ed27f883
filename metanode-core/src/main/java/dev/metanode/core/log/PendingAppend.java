package dev.metanode.core.log;

import dev.metanode.core.receipt.LoggedReceipt;
import java.util.concurrent.CompletableFuture;

/** A signed receipt waiting for the writer thread; the future completes once it is durable. */
record PendingAppend(byte[] envelope, byte[] leafHash, byte[] summary, CompletableFuture<LoggedReceipt> done) {}
