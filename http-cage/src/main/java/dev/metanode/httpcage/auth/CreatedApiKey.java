package dev.metanode.httpcage.auth;

/**
 * A freshly created key: the only time the token exists outside its holder. Show it once.
 * {@link #toString()} leaves the token out so it cannot end up in a log by accident.
 */
public record CreatedApiKey(ApiKeyInfo info, String token) {
    @Override
    public String toString() {
        return "CreatedApiKey[" + info + ", token=<redacted>]";
    }
}
