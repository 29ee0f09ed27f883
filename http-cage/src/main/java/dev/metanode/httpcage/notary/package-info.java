/** Pipeline receipts: message digests, the record of an exchange, and the bounded asynchronous notary. */
package dev.metanode.httpcage.notary;
