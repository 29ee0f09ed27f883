/**
 * Cluster placement and scheduling (not built yet). It will decide where apps run and submit placements through the Ledger port, starting them through the WorkloadRuntime port.
 */
package dev.metanode.cluster;
