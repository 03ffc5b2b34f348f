package dev.corsjaxrs.servlet;

import dev.corsjaxrs.core.CorsHeaders;
import dev.corsjaxrs.core.ExposedHeaders;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A response whose {@code Access-Control-Expose-Headers} lists its own header names (exposed
 * headers {@code *} with credentials, where a literal {@code *} would not count): written when the
 * servlet first asks for the body, flushes, sends an error or a redirect, or returns; the names are
 * those set by then, as a servlet sets its headers before its body.
 */
final class ExposingResponse extends HttpServletResponseWrapper {

  private boolean exposed;

  ExposingResponse(HttpServletResponse response) {
    super(response);
  }

  /** Writes the header once, unless the response is already committed. */
  void expose() {
    if (exposed) {
      return;
    }
    exposed = true;
    HttpServletResponse response = (HttpServletResponse) getResponse();
    if (!response.isCommitted()) {
      String names = ExposedHeaders.namesOf(response.getHeaderNames());
      if (!names.isEmpty()) {
        response.setHeader(CorsHeaders.EXPOSE_HEADERS, names);
      }
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    expose();
    return super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    expose();
    return super.getWriter();
  }

  @Override
  public void flushBuffer() throws IOException {
    expose();
    super.flushBuffer();
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    expose();
    super.sendError(status, message);
  }

  @Override
  public void sendError(int status) throws IOException {
    expose();
    super.sendError(status);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    expose();
    super.sendRedirect(location);
  }
}
