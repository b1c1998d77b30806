package dev.dimmer.deploy.config;

/** Configuration that cannot be used; the message says where and how to fix it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
