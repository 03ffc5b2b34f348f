package dev.corsjaxrs.config;

/**
 * One attribute value and where it was set.
 *
 * @param value the parsed value: a {@code List<String>}, a {@code Boolean}, a {@code Long} or a
 *     {@code String}, depending on the attribute
 * @param source the configuration key or annotation it came from
 */
record Setting(Object value, String source) {}
