package dev.metanode.httpcage;

import java.util.List;
import java.util.Optional;

/** Read-only request headers for the pure decision code, so it needs no Netty types. Names are case-insensitive. */
public interface HeaderView {
    List<String> all(String name);

    default Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
