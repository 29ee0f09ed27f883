/**
 * The HTTP cage (not built yet). It will own the front door for apps and the API: TLS, auth, rate limits, RFC 9421 signatures and a pipeline receipt for every request/response pair.
 */
package dev.metanode.httpcage;
