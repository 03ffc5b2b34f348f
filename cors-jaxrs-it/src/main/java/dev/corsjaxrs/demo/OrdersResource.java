package dev.corsjaxrs.demo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Orders, a write that changes state: {@code /orders/strict} is guarded by strict mode, {@code
 * /orders/report} by report mode (see {@code microprofile-config.properties}).
 */
@Path("orders")
public class OrdersResource {

  private static final Map<String, Integer> PLACED = new ConcurrentHashMap<>();

  /**
   * How many orders a desk placed since the demo started: what reached the resource.
   *
   * @param desk {@code strict} or {@code report}
   * @return the count
   */
  public static int placed(String desk) {
    return PLACED.getOrDefault(desk, 0);
  }

  /**
   * Places an order where strict mode guards.
   *
   * @param body the order
   * @return a confirmation
   */
  @POST
  @Path("strict")
  @Consumes("text/plain")
  public String placeStrict(String body) {
    return place("strict", body);
  }

  /**
   * Places an order where report mode watches.
   *
   * @param body the order
   * @return a confirmation
   */
  @POST
  @Path("report")
  @Consumes("text/plain")
  public String placeReported(String body) {
    return place("report", body);
  }

  private static String place(String desk, String body) {
    PLACED.merge(desk, 1, Integer::sum);
    return "order placed at " + desk + ": " + body;
  }
}
