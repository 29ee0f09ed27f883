/** The Netty side: the front-door pipeline, request framing checks, host routing, the app connection and the response path. */
package dev.metanode.httpcage.proxy;
