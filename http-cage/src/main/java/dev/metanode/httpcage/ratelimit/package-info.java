/** Token buckets per credential, client address and app, and the gate that answers 429. */
package dev.metanode.httpcage.ratelimit;
