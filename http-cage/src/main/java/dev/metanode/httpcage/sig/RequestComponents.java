package dev.metanode.httpcage.sig;

import dev.metanode.httpcage.HeaderView;
import dev.metanode.httpcage.RequestFacts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A request's components (RFC 9421 sections 2.1 and 2.2) from the cage's {@link RequestFacts}. */
public final class RequestComponents implements Components {
    private final RequestFacts request;

    public RequestComponents(RequestFacts request) {
        this.request = request;
    }

    @Override
    public Optional<String> value(String component) {
        String query = request.query();
        return switch (component) {
            case "@method" -> Optional.of(request.method());
            case "@authority" -> Optional.ofNullable(request.authority()).map(a -> a.toLowerCase(Locale.ROOT));
            case "@path" -> Optional.of(request.path());
            case "@query" -> Optional.of("?" + (query == null ? "" : query));
            case "@scheme" -> Optional.ofNullable(request.scheme());
            case "@request-target" -> Optional.of(request.target());
            case "@target-uri" -> Optional.of(request.scheme() + "://" + request.authority() + request.target());
            default -> component.startsWith("@") ? Optional.empty() : field(request.headers(), component);
        };
    }

    /** A field's value: every instance trimmed, joined by ", " (RFC 9421 section 2.1). */
    static Optional<String> field(HeaderView headers, String name) {
        List<String> values = headers.all(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.stream().map(String::strip).collect(Collectors.joining(", ")));
    }
}
