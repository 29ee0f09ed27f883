/**
 * The bank mesh (not built yet). It will meter usage from receipts and settle it through ledger transactions.
 */
package dev.metanode.bank;
