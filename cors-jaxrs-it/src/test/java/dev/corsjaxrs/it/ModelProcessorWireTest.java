package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.from;
import static dev.corsjaxrs.it.Wire.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import jakarta.ws.rs.core.Configuration;
import java.util.Map;
import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Jersey's {@code ModelProcessor} can serve a resource again at a path its {@code @Path} does not
 * name: its preflights there cannot be told before matching, so they are refused, never answered
 * with the global policy; its actual requests take the matched method's policy.
 */
@DisabledIfSystemProperty(named = "it.runtime", matches = "resteasy")
class ModelProcessorWireTest {

  /** Adds the {@code @CorsDisabled} resource {@code /closed} again at {@code /alias}. */
  public static class Alias implements ModelProcessor {
    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
      return new ResourceModel.Builder(model, false)
          .addResource(Resource.builder(SubResourceWireTest.ClosedRoot.class).path("alias").build())
          .build();
    }

    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
      return model;
    }
  }

  @Test
  void aResourceAddedAgainAtAnotherPathIsNeverAnsweredWithTheGlobalPolicy() {
    try (TestServer server =
        TestServer.start(
            Map.of("cors.allowed-origins", "*", "cors.allowed-methods", "GET,HEAD,POST,DELETE"),
            SubResourceWireTest.ClosedRoot.class,
            SubResourceWireTest.PublicFiles.class,
            Alias.class)) {
      assertThat(from(server, null).get("/alias").statusCode())
          .as("Jersey serves it")
          .isEqualTo(200);
      Response preflight = preflight(server, "https://evil.example", "/alias", "DELETE");
      assertThat(preflight.statusCode()).isEqualTo(403);
      assertNoCorsHeaders(preflight);
      Response get = from(server, "https://evil.example").get("/alias");
      assertThat(get.statusCode()).isEqualTo(200);
      assertNoCorsHeaders(get);
      assertThat(preflight(server, "https://evil.example", "/files/public", "GET").statusCode())
          .as("known paths keep their policy")
          .isEqualTo(200);
    }
  }
}
