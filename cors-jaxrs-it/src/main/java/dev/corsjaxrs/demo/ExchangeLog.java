package dev.corsjaxrs.demo;

import jakarta.annotation.Priority;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The demo server's record of the exchanges it saw, for the playground page: each request's method,
 * path and CORS request headers, the status and CORS response headers it got, and, for a refusal,
 * the module's explanation (read from its FINE log line). Headers a page's script cannot read come
 * from here.
 */
public final class ExchangeLog {

  private static final int KEPT = 100;
  private static final Deque<Map<String, Object>> EXCHANGES = new ConcurrentLinkedDeque<>();
  private static final ThreadLocal<String> REFUSAL = new ThreadLocal<>();
  private static final ThreadLocal<String> REPORT = new ThreadLocal<>();
  private static final String RECORD = "dev.corsjaxrs.demo.exchange";

  /** Held here: java.util.logging keeps only weak references to configured loggers. */
  private static final Logger REFUSALS = Logger.getLogger("dev.corsjaxrs.refusals");

  private static final Logger REPORTS = Logger.getLogger("dev.corsjaxrs.report");

  private static volatile boolean listening;

  private ExchangeLog() {}

  /**
   * Turns on the module's FINE refusal lines and keeps the last one of each thread, and the last
   * report line of report mode.
   */
  static synchronized void listenToRefusals() {
    if (listening) {
      return;
    }
    listening = true;
    REFUSALS.setLevel(Level.FINE);
    REFUSALS.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            REFUSAL.set(
                parameters == null
                    ? record.getMessage()
                    : String.valueOf(parameters[parameters.length - 1]));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    REPORTS.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            REPORT.set(new SimpleFormatter().formatMessage(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
  }

  /** Records the request before anything else runs, preflights included. */
  @PreMatching
  @Priority(-1000)
  public static class Requests implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      REFUSAL.remove();
      REPORT.remove();
      String path = "/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
      if (path.startsWith("/_exchanges")) {
        return;
      }
      Map<String, Object> exchange = new LinkedHashMap<>();
      exchange.put("method", request.getMethod());
      exchange.put("path", path);
      exchange.put("request", corsHeaders(request.getHeaders()));
      request.setProperty(RECORD, exchange);
    }
  }

  /** Completes the record after every other response filter, the module's included. */
  @Priority(-1000)
  public static class Responses implements ContainerResponseFilter {
    @Override
    @SuppressWarnings("unchecked")
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      Map<String, Object> exchange = (Map<String, Object>) request.getProperty(RECORD);
      if (exchange == null) {
        return;
      }
      exchange.put("status", response.getStatus());
      Map<String, List<String>> headers = new LinkedHashMap<>();
      response.getStringHeaders().forEach(headers::put);
      exchange.put("response", corsHeaders(headers));
      String refusal = REFUSAL.get();
      if (refusal != null) {
        exchange.put("explanation", refusal);
      }
      String report = REPORT.get();
      if (report != null) {
        exchange.put("report", report);
      }
      EXCHANGES.addLast(exchange);
      while (EXCHANGES.size() > KEPT) {
        EXCHANGES.pollFirst();
      }
    }
  }

  /** The record, as JSON; DELETE empties it. */
  @Path("_exchanges")
  public static class Resource {
    /**
     * The exchanges seen since the last DELETE.
     *
     * @return a JSON array
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
      StringBuilder json = new StringBuilder("[");
      for (Map<String, Object> exchange : new ArrayList<>(EXCHANGES)) {
        json.append(json.length() > 1 ? "," : "").append(toJson(exchange));
      }
      return json.append(']').toString();
    }

    /** Empties the record. */
    @DELETE
    public void clear() {
      EXCHANGES.clear();
    }
  }

  private static Map<String, String> corsHeaders(Map<String, List<String>> headers) {
    Map<String, String> cors = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.equals("origin")
              || lower.startsWith("access-control-")
              || lower.equals("vary")
              || lower.equals("sec-fetch-site")
              || lower.equals("cookie")
              || lower.equals("set-cookie")) {
            cors.put(name, String.join(", ", values));
          }
        });
    return cors;
  }

  @SuppressWarnings("unchecked")
  private static String toJson(Object value) {
    if (value instanceof Map) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) value).entrySet()) {
        out.append(out.length() > 1 ? "," : "")
            .append(quote(entry.getKey()))
            .append(':')
            .append(toJson(entry.getValue()));
      }
      return out.append('}').toString();
    }
    return value instanceof Number ? value.toString() : quote(String.valueOf(value));
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
