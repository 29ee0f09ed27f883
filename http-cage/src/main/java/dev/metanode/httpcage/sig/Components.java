package dev.metanode.httpcage.sig;

import java.util.Optional;

/** The values of a message's components by identifier ({@code @method}, {@code content-type}, ...). */
public interface Components {
    /** The component's value as it goes into the signature base, or empty if the message lacks it. */
    Optional<String> value(String component);
}
