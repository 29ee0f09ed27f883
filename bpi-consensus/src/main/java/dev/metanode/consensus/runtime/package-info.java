/**
 * The threaded runtime around {@link dev.metanode.consensus.ValidatorNode}: {@link
 * dev.metanode.consensus.runtime.LedgerService} implements core's {@code Ledger} port on one
 * "consensus" thread, delivers final blocks to followers on another, and exposes read-only
 * snapshots for the CLI. {@link dev.metanode.consensus.runtime.LoopbackNetwork} connects several
 * services in one JVM. Still pure: no Netty, RocksDB or picocli.
 */
package dev.metanode.consensus.runtime;
