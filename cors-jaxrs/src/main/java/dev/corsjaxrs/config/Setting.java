package dev.corsjaxrs.config;

/**
 * One attribute value and where it was set.
 *
 * @param <T> the value's type, given by its {@link PolicyKey}
 * @param value the parsed value
 * @param source the configuration key or annotation it came from
 */
record Setting<T>(T value, String source) {}
