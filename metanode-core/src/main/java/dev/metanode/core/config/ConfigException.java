package dev.metanode.core.config;

/** The configuration file is wrong; the message names the file, the key and what is expected. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
