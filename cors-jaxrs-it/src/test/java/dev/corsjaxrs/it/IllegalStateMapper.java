package dev.corsjaxrs.it;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An application's mapper for its own failures, as README advises. */
@Provider
public class IllegalStateMapper implements ExceptionMapper<IllegalStateException> {
  @Override
  public Response toResponse(IllegalStateException exception) {
    return Response.serverError().entity("failed: " + exception.getMessage()).build();
  }
}
