/** TLS 1.3 for the public listener: the local CA and per-host certificates chosen by SNI. */
package dev.metanode.httpcage.tls;
