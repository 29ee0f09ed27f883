/**
 * BPI consensus (not built yet). It will own the QBFT state machine, the Proof-of-History chain and VRF proposer choice, and implement the Ledger port.
 */
package dev.metanode.consensus;
