/**
 * The court node (not built yet). It will own agreements: YAML documents whose terms are cost-bounded expressions evaluated against receipts, submitted through the Ledger port.
 */
package dev.metanode.court;
