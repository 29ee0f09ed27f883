/** RFC 9421 HTTP Message Signatures with Ed25519: header parsing, signature bases, request verification, response signing. */
package dev.metanode.httpcage.sig;
