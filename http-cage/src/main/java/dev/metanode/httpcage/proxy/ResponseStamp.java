package dev.metanode.httpcage.proxy;

import io.netty.handler.codec.http.HttpResponse;

/** Adds headers to a response head before it goes to the client (the cage's RFC 9421 signature). */
public interface ResponseStamp {
    /**
     * @param request  the request line and headers as received
     * @param response the response head about to be sent; may be modified
     */
    void stamp(io.netty.handler.codec.http.HttpRequest request, HttpResponse response);
}
