package dev.corsjaxrs.it;

import static dev.corsjaxrs.it.Wire.assertHeader;
import static dev.corsjaxrs.it.Wire.assertNoCorsHeaders;
import static dev.corsjaxrs.it.Wire.from;
import static dev.corsjaxrs.it.Wire.preflight;
import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsDisabled;
import io.restassured.response.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sub-resource locators, the runtime's fall-through from one root resource to another, and
 * percent-encoded literal paths: the policy that answers is that of the method the runtime serves
 * (class and method annotations of sub-resources included), and where that cannot be known before
 * matching, the answer fails closed. Two servers: {@code *} for every origin, and strict mode.
 */
class SubResourceWireTest {

  static final String APP = "https://app.example.com";
  static final String PARTNER = "https://partner.example.org";
  static final String EVIL = "https://evil.example";

  /** Counts calls of resource methods: a refused request must never reach one. */
  static final AtomicInteger SERVED = new AtomicInteger();

  /** A root resource with nothing but locators. */
  @Path("loc")
  public static class LocatorsOnly {
    @Path("closed")
    public ClosedSub closed() {
      return new ClosedSub();
    }

    @Path("partner")
    public PartnerSub partner() {
      return new PartnerSub();
    }

    @Path("mixed")
    public MixedSub mixed() {
      return new MixedSub();
    }

    @Path("dyn")
    public Object dynamic() {
      return new DynamicSub();
    }
  }

  @CorsDisabled
  public static class ClosedSub {
    @GET
    public String get() {
      SERVED.incrementAndGet();
      return "closed";
    }

    @DELETE
    public String delete() {
      SERVED.incrementAndGet();
      return "deleted";
    }
  }

  @CorsAllowed(origins = PARTNER)
  public static class PartnerSub {
    @GET
    public String get() {
      SERVED.incrementAndGet();
      return "partner";
    }

    @PUT
    public String put() {
      SERVED.incrementAndGet();
      return "put";
    }
  }

  public static class MixedSub {
    @GET
    public String get() {
      SERVED.incrementAndGet();
      return "mixed";
    }

    @DELETE
    @CorsDisabled
    public String delete() {
      SERVED.incrementAndGet();
      return "deleted";
    }
  }

  /** Reached only through a locator declared to return Object. */
  @CorsAllowed(origins = PARTNER)
  public static class DynamicSub {
    @GET
    public String get() {
      SERVED.incrementAndGet();
      return "dynamic";
    }
  }

  /** The control: the same rules on a root resource. */
  @Path("closed")
  @CorsDisabled
  public static class ClosedRoot {
    @GET
    public String get() {
      SERVED.incrementAndGet();
      return "closed";
    }

    @DELETE
    public String delete() {
      SERVED.incrementAndGet();
      return "deleted";
    }
  }

  @Path("files/public")
  public static class PublicFiles {
    @GET
    public String get() {
      SERVED.incrementAndGet();
      return "public";
    }
  }

  /** Serves what {@code files/public} does not (on Jersey, which falls through to it). */
  @Path("files/{p: .+}")
  @CorsDisabled
  public static class AnyFile {
    @GET
    public String get() {
      SERVED.incrementAndGet();
      return "any";
    }

    @DELETE
    public String delete() {
      SERVED.incrementAndGet();
      return "deleted";
    }
  }

  @Path("spa ce")
  @CorsDisabled
  public static class Spaced {
    @GET
    public String get() {
      SERVED.incrementAndGet();
      return "spaced";
    }

    @PUT
    public String put() {
      SERVED.incrementAndGet();
      return "put";
    }
  }

  static final Class<?>[] RESOURCES = {
    LocatorsOnly.class, ClosedRoot.class, PublicFiles.class, AnyFile.class, Spaced.class
  };

  static TestServer open;
  static TestServer strict;
  static LogCapture startupLog;

  @BeforeAll
  static void start() {
    startupLog = LogCapture.of("dev.corsjaxrs");
    open =
        TestServer.start(
            Map.of("cors.allowed-origins", "*", "cors.allowed-methods", "GET,HEAD,POST,PUT,DELETE"),
            RESOURCES);
    strict =
        TestServer.start(
            Map.of(
                "cors.allowed-origins",
                APP + "," + PARTNER,
                "cors.allow-credentials",
                "true",
                "cors.reject-disallowed",
                "true"),
            RESOURCES);
    open.startupMapWritten();
    strict.startupMapWritten();
    startupLog.close();
  }

  @AfterAll
  static void stop() {
    open.close();
    strict.close();
  }

  @Test
  void aCorsDisabledSubResourceClassGetsNoHeadersAndItsPreflightsAreRefused() {
    Response get = from(open, EVIL).get("/loc/closed");
    assertThat(get.statusCode()).isEqualTo(200);
    assertNoCorsHeaders(get);
    int served = SERVED.get();
    Response refused = preflight(open, EVIL, "/loc/closed", "DELETE");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refused);
    assertThat(SERVED.get()).isEqualTo(served);
  }

  @Test
  void aCorsDisabledSubResourceMethodGetsNoHeadersWhileItsNeighbourDoes() {
    Response get = from(open, EVIL).get("/loc/mixed");
    assertHeader(get, "Access-Control-Allow-Origin", "*");
    Response delete = from(open, EVIL).delete("/loc/mixed");
    assertThat(delete.statusCode()).isEqualTo(200);
    assertNoCorsHeaders(delete);
    assertThat(preflight(open, EVIL, "/loc/mixed", "DELETE").statusCode()).isEqualTo(403);
    Response getPreflight = preflight(open, EVIL, "/loc/mixed", "GET");
    assertThat(getPreflight.statusCode()).isEqualTo(200);
    assertHeader(getPreflight, "Access-Control-Allow-Methods", "GET, HEAD");
  }

  @Test
  void aSubResourceClassAnnotationAnswersWithItsOwnOrigins() {
    assertHeader(from(open, PARTNER).get("/loc/partner"), "Access-Control-Allow-Origin", PARTNER);
    Response other = from(open, APP).get("/loc/partner");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().getValues("Access-Control-Allow-Origin")).isEmpty();
    Response allowed = preflight(open, PARTNER, "/loc/partner", "PUT");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertHeader(allowed, "Access-Control-Allow-Origin", PARTNER);
    assertHeader(allowed, "Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE");
    assertThat(preflight(open, APP, "/loc/partner", "PUT").statusCode()).isEqualTo(403);
  }

  @Test
  void aLocatorOfUnknownClassRefusesPreflightsAndItsActualRequestsTakeTheMatchedPolicy() {
    assertThat(preflight(open, PARTNER, "/loc/dyn", "GET").statusCode())
        .as("the class is only known when the locator runs: refused")
        .isEqualTo(403);
    assertHeader(from(open, PARTNER).get("/loc/dyn"), "Access-Control-Allow-Origin", PARTNER);
    Response evil = from(open, EVIL).get("/loc/dyn");
    assertThat(evil.statusCode()).isEqualTo(200);
    assertThat(evil.headers().getValues("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void strictModeGuardsSubResourcesLikeRootResources() {
    for (String path : new String[] {"/closed", "/loc/closed", "/loc/mixed"}) {
      int served = SERVED.get();
      Response delete = from(strict, APP).cookie("session", "s").delete(path);
      assertThat(delete.statusCode()).as("DELETE %s", path).isEqualTo(403);
      assertNoCorsHeaders(delete);
      assertThat(SERVED.get()).as("DELETE %s never reaches the resource", path).isEqualTo(served);
    }
    int served = SERVED.get();
    assertThat(from(strict, EVIL).put("/loc/partner").statusCode()).isEqualTo(403);
    assertThat(from(strict, APP).put("/loc/partner").statusCode())
        .as("the sub-resource allows only the partner")
        .isEqualTo(403);
    assertThat(from(strict, APP).get("/loc/dyn").statusCode())
        .as("unknown class: fails closed under strict mode")
        .isEqualTo(403);
    assertThat(SERVED.get()).isEqualTo(served);
    Response partner = from(strict, PARTNER).put("/loc/partner");
    assertThat(partner.statusCode()).isEqualTo(200);
    assertHeader(partner, "Access-Control-Allow-Origin", PARTNER);
    assertThat(from(strict, null).delete("/loc/closed").statusCode())
        .as("no Origin: not a browser")
        .isEqualTo(200);
  }

  @Test
  void aPreflightTakesThePolicyOfTheRootResourceTheRuntimeFallsThroughTo() {
    int served = SERVED.get();
    Response refused = preflight(open, EVIL, "/files/public/x", "DELETE");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refused);
    assertThat(SERVED.get()).isEqualTo(served);
    assertHeader(preflight(open, EVIL, "/files/public", "GET"), "Access-Control-Allow-Origin", "*");
    Response actual = from(open, EVIL).delete("/files/public/x");
    assertThat(actual.headers().getValues("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void anEncodedLiteralPathTakesItsResourcesPolicy() {
    Response refused =
        from(open, EVIL)
            .urlEncodingEnabled(false)
            .header("Access-Control-Request-Method", "PUT")
            .options("/spa%20ce");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertNoCorsHeaders(refused);
    Response get = from(open, EVIL).urlEncodingEnabled(false).get("/spa%20ce");
    assertThat(get.statusCode()).isEqualTo(200);
    assertNoCorsHeaders(get);
  }

  @Test
  void theStartupMapNamesEverySubResourcePath() {
    SimpleFormatter formatter = new SimpleFormatter();
    assertThat(startupLog.records.stream().map(formatter::formatMessage))
        .anyMatch(m -> m.contains("CORS /loc/closed"))
        .anyMatch(m -> m.contains("CORS /loc/partner"))
        .anyMatch(m -> m.contains("CORS /loc/mixed"))
        .anyMatch(m -> m.contains("CORS /loc/dyn/*"));
  }
}
