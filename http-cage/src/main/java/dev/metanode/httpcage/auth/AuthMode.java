package dev.metanode.httpcage.auth;

/** Which credentials an app (or the API) accepts. */
public enum AuthMode {
    /** Open: no credential needed (a credential sent anyway is still checked and recorded). */
    NONE,
    /** An API key in {@code Authorization: Bearer mnk_...}. */
    KEY,
    /** A JWT in {@code Authorization: Bearer ...}. */
    JWT,
    /** Either. */
    KEY_OR_JWT
}
