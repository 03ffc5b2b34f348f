/**
 * Internal, not API: the servlet layer for {@code cors.servlet.paths} (a filter registered by a
 * servlet container initializer). Public only where the servlet container needs it; may change in
 * any release. The API is the package {@code dev.corsjaxrs}.
 */
package dev.corsjaxrs.servlet;
