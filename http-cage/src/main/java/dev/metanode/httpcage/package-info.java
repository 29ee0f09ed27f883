/**
 * The HTTP cage: the front door for apps and the daemon's API. {@link dev.metanode.httpcage.HttpCage}
 * terminates TLS, routes {@code APP.localhost} to the app's loopback port, checks auth, rate
 * limits, RFC 9421 signatures and the data-flow policy, and leaves a pipeline receipt for every
 * request/response pair.
 */
package dev.metanode.httpcage;
