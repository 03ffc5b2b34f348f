/**
 * Internal, not API: reads the MicroProfile Config keys and the annotations and resolves each
 * policy in order of precedence. Public only for the module's other packages; may change in any
 * release. The API is the package {@code dev.corsjaxrs}.
 */
package dev.corsjaxrs.config;
