package dev.corsjaxrs.config;

import java.util.List;

/**
 * A policy configured as {@code cors.policy.<name>.*}: its own settings and the request paths it
 * covers ({@code paths}, relative to the application base, without leading or trailing slash; an
 * item ending in {@code /*} covers that path and everything below it). {@link NamedPolicies}
 * indexes the paths.
 */
record NamedPolicy(String name, PolicyLevel level, List<String> paths) {}
