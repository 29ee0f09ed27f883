/** Ports for the HTTP front door: how it finds apps, implemented by the daemon. */
package dev.metanode.core.http;
