package dev.corsjaxrs.it;

import static io.restassured.RestAssured.given;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void preflight() {
    try (TestServer s =
        TestServer.start(
            Map.of(
                "cors.allowed-origins",
                "https://app.example.com",
                "tenant.origins",
                "https://t.example.com",
                "cors.policy.tenants.max-age",
                "5"),
            Resources.Items.class,
            Resources.Partner.class,
            Resources.Internal.class,
            Resources.Tenants.class,
            Resources.Public.class)) {
      given()
          .baseUri(s.baseUri)
          .header("Origin", "https://app.example.com")
          .header("Access-Control-Request-Method", "PUT")
          .header("Access-Control-Request-Headers", "x-token")
          .when()
          .options("/items/1")
          .then()
          .log()
          .all();
      given()
          .baseUri(s.baseUri)
          .header("Origin", "https://app.example.com")
          .when()
          .get("/items/1")
          .then()
          .log()
          .all();
      given()
          .baseUri(s.baseUri)
          .header("Origin", "https://app.example.com")
          .when()
          .get("/items/secret")
          .then()
          .log()
          .all();
    }
  }
}
