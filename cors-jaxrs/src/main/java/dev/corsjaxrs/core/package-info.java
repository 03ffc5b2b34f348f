/**
 * Internal, not API: the pure policy core (origins, policies, decisions, the deployment's catalog
 * and its bounded caches), with no Jakarta type. Public only for the module's other packages; may
 * change in any release. The API is the package {@code dev.corsjaxrs}.
 */
package dev.corsjaxrs.core;
