package dev.corsjaxrs.demo;

import dev.corsjaxrs.CorsAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small item store. Reading and updating are allowed for the configured origins; deleting is
 * allowed only by a method annotation, and only for {@code https://app.example.com}.
 */
@Path("items")
public class ItemsResource {

  private static final Map<String, String> ITEMS =
      new ConcurrentHashMap<>(Map.of("1", "teapot", "2", "kettle"));

  /**
   * Lists the items.
   *
   * @return the items, with their count in an exposed header
   */
  @GET
  public Response list() {
    return Response.ok(ITEMS.toString()).header("X-Total-Count", ITEMS.size()).build();
  }

  /**
   * Reads one item.
   *
   * @param id the item
   * @return the item, or 404
   */
  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    String item = ITEMS.get(id);
    return item == null ? Response.status(404).build() : Response.ok(item).build();
  }

  /**
   * Replaces one item.
   *
   * @param id the item
   * @param body its new value
   * @return the new value
   */
  @PUT
  @Path("{id}")
  public String put(@PathParam("id") String id, String body) {
    ITEMS.put(id, body);
    return body;
  }

  /**
   * Deletes one item.
   *
   * @param id the item
   * @return 204
   */
  @DELETE
  @Path("{id}")
  @CorsAllowed(origins = "https://app.example.com")
  public Response delete(@PathParam("id") String id) {
    ITEMS.remove(id);
    return Response.noContent().build();
  }
}
