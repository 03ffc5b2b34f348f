package dev.corsjaxrs.core;

import java.util.List;

/**
 * What a door (Jakarta REST, Servlet) offers the CORS protocol for one request and its response:
 * read the request, write response headers, end the exchange with a status. {@link CorsProtocol}
 * runs the protocol over it; a door only adapts its own request and response.
 */
public interface CorsExchange {

  /**
   * Whether the request asks for a protocol upgrade that the door refuses like a strict-mode
   * request when its origin is refused (a WebSocket handshake on a servlet path: any {@code
   * Upgrade} header).
   *
   * @return false unless the door says so
   */
  default boolean isHandshake() {
    return false;
  }

  /**
   * The request method.
   *
   * @return the method
   */
  String method();

  /**
   * The request path relative to the application base, without leading slash, for log lines.
   *
   * @return the path
   */
  String path();

  /**
   * Every line of a request header.
   *
   * @param name the header's lower-case name
   * @return the lines; null or empty where absent
   */
  List<String> requestHeaderLines(String name);

  /**
   * The first line of a request header.
   *
   * @param name the header's lower-case name
   * @return the value, or null
   */
  String requestHeader(String name);

  /**
   * The request's own origin as the container saw it, before forwarded headers.
   *
   * @return the scheme
   */
  String scheme();

  /**
   * The host and port the container saw ({@link OwnOrigin#hostAndPort}).
   *
   * @return {@code host[:port]}
   */
  String hostAndPort();

  /**
   * Sets a response header, replacing any lines of it.
   *
   * @param name the header
   * @param value its value
   */
  void setResponseHeader(String name, String value);

  /**
   * Takes every line of a response header off.
   *
   * @param name the header
   */
  void removeResponseHeader(String name);

  /**
   * The response's lines of a header so far.
   *
   * @param name the header
   * @return the lines (any objects; their text is read), or null
   */
  Iterable<?> responseHeaderLines(String name);

  /**
   * Lists the response's own header names in {@code Access-Control-Expose-Headers} ({@link
   * ExposedHeaders}), now or, where the response is not written yet, before its body.
   */
  void exposeResponseHeaderNames();

  /**
   * Ends the exchange here with this status and the headers set so far: the request goes no
   * further.
   *
   * @param status 200 or 403
   */
  void end(int status);
}
