package dev.metanode.httpcage.proxy;

import dev.metanode.httpcage.HeaderView;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** {@link HeaderView} over Netty's headers. */
final class NettyHeaderView implements HeaderView {
    private final HttpHeaders headers;

    NettyHeaderView(HttpHeaders headers) {
        this.headers = headers;
    }

    @Override
    public List<String> all(String name) {
        return headers.getAll(name);
    }
}
