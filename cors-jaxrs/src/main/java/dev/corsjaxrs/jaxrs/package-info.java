/**
 * Internal, not API: the Jakarta REST glue (the filters, the deployment scan, the route lookup).
 * Public only where Jakarta REST needs it; may change in any release. The API is the package {@code
 * dev.corsjaxrs}.
 */
package dev.corsjaxrs.jaxrs;
