package dev.corsjaxrs.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsDisabled;
import dev.corsjaxrs.config.PolicyResolver;
import dev.corsjaxrs.core.CorsPolicy;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A request finds the policy of the resource method Jakarta REST would pick for it. */
class RouteTableTest {

  @Path("/files")
  @CorsAllowed(origins = "https://files.example")
  public static class Files {
    @GET
    public String list() {
      return "";
    }

    @GET
    @Path("{name}")
    @CorsAllowed(origins = "https://name.example")
    public String byName() {
      return "";
    }

    @GET
    @Path("{id: [0-9]+}")
    @CorsAllowed(origins = "https://id.example")
    public String byId() {
      return "";
    }

    @PUT
    @Path("latest")
    @CorsAllowed(origins = "https://latest.example")
    public String latest() {
      return "";
    }

    @Path("{name}/parts")
    @CorsAllowed(origins = "https://locator.example")
    public Object parts() {
      return this;
    }
  }

  @Path("files/archive")
  @CorsAllowed(origins = "https://archive.example")
  public static class Archive {
    @GET
    public String get() {
      return "";
    }
  }

  /** An interface carrying the Jakarta REST annotations, as in MicroProfile REST Client style. */
  @Path("api")
  public interface Api {
    @POST
    @Path("orders")
    String order();
  }

  @CorsAllowed(origins = "https://impl.example")
  public static class ApiImpl implements Api {
    @Override
    public String order() {
      return "";
    }
  }

  @Path("api")
  public static class ApiResource extends ApiImpl {
    @DELETE
    public String delete() {
      return "";
    }
  }

  /** Locators whose declared classes carry their own rules, and one whose class is unknown. */
  @Path("loc")
  @CorsAllowed(origins = "https://locators.example")
  public static class Locators {
    @Path("closed")
    public Closed closed() {
      return new Closed();
    }

    @Path("partner")
    public Partner partner() {
      return new Partner();
    }

    @Path("nested")
    @CorsAllowed(origins = "https://nested-locator.example")
    public Nested nested() {
      return new Nested();
    }

    @Path("{any}")
    public Object any() {
      return new Partner();
    }
  }

  @CorsDisabled
  public static class Closed {
    @GET
    public String get() {
      return "";
    }

    @DELETE
    @Path("x")
    public String delete() {
      return "";
    }
  }

  @CorsAllowed(origins = "https://partner.example")
  public static class Partner {
    @GET
    public String get() {
      return "";
    }

    @PUT
    @Path("{id}")
    @CorsAllowed(origins = "https://put.example")
    public String put() {
      return "";
    }

    @DELETE
    @Path("{id}")
    @CorsDisabled
    public String delete() {
      return "";
    }
  }

  /** No annotation: the locator's, then its class's apply. */
  public static class Nested {
    @GET
    public String get() {
      return "";
    }

    @Path("partner")
    public Partner deeper() {
      return new Partner();
    }
  }

  @Path("docs/public")
  @CorsAllowed(origins = "https://public.example")
  public static class PublicFiles {
    @GET
    public String get() {
      return "";
    }
  }

  @Path("docs/{p: .+}")
  @CorsDisabled
  public static class AnyFile {
    @DELETE
    public String delete() {
      return "";
    }
  }

  @Path("spa ce")
  @CorsAllowed(origins = "https://space.example")
  public static class Spaced {
    @GET
    public String get() {
      return "";
    }
  }

  static RouteTable table;

  @BeforeAll
  static void build() {
    PolicyResolver resolver =
        new PolicyResolver(
            new SmallRyeConfigBuilder()
                .withSources(
                    new PropertiesConfigSource(
                        Map.of("cors.allowed-origins", "https://global.example"), "test", 500))
                .build());
    table = new RouteTable(resolver);
    ResourceScanner scanner = new ResourceScanner(resolver, table, new StartupMap());
    scanner.add(Files.class);
    scanner.add(Files.class);
    scanner.add(Archive.class);
    scanner.add(ApiResource.class);
    scanner.add(Locators.class);
    scanner.add(PublicFiles.class);
    scanner.add(AnyFile.class);
    scanner.add(Spaced.class);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "files, GET, https://files.example",
    "files/, GET, https://files.example",
    "files, HEAD, https://files.example",
    "files/report.txt, GET, https://name.example",
    "files/42, GET, https://id.example",
    "files/latest, PUT, https://latest.example",
    "files/latest, GET, https://latest.example",
    "files/archive, GET, https://archive.example",
    "files/archived, GET, https://name.example",
    "api/orders, POST, https://impl.example",
    "api, DELETE, https://impl.example",
    "elsewhere, GET, https://global.example",
    "file, GET, https://global.example",
    "loc/partner, GET, https://partner.example",
    "loc/partner/7, PUT, https://put.example",
    "loc/nested, GET, https://nested-locator.example",
    "loc/nested/partner, GET, https://partner.example",
    "loc/nested/partner/3, PUT, https://put.example",
    "docs/public, GET, https://public.example",
    "spa%20ce, GET, https://space.example",
  })
  void findsThePolicyOfTheServingMethod(String path, String method, String origin) {
    assertThat(table.lookup(path, method).origins().items()).containsExactly(origin);
  }

  @ParameterizedTest(name = "{0} {1} is disabled")
  @CsvSource({
    "loc/closed, GET",
    "loc/closed/x, DELETE",
    "loc/partner/7, DELETE",
    "docs/public/x, DELETE",
    "files/a/parts, GET",
    "files/a/parts/7, DELETE",
    "loc/other, GET",
    "loc/other/deeper, PUT",
  })
  void subResourcesFallThroughAndUnknownLocatorsAreDisabled(String path, String method) {
    CorsPolicy policy = table.lookup(path, method);
    assertThat(policy.origins().items()).as("%s", policy).isEmpty();
    assertThat(policy.toString()).contains("disabled");
  }

  @Test
  void allowedMethodsDefaultToWhatThePathImplements() {
    CorsPolicy files = table.lookup("files", "GET");
    assertThat(files.methods()).containsExactly("GET", "HEAD");
    assertThat(table.lookup("files/latest", "PUT").methods()).containsExactly("PUT");
    assertThat(table.lookup("loc/partner/7", "PUT").methods()).containsExactly("PUT");
  }

  @Test
  void templatesSortByLiteralsThenVariablesThenRegexes() {
    PathTemplate literal = new PathTemplate("files/latest", false);
    PathTemplate regex = new PathTemplate("files/{id: [0-9]+}", false);
    PathTemplate plain = new PathTemplate("files/{name}", false);
    assertThat(literal.compareTo(plain)).isNegative();
    assertThat(regex.compareTo(plain)).isNegative();
    assertThat(plain.compareTo(new PathTemplate("files/{other}", false))).isZero();
    assertThat(new PathTemplate("a/{x: \\d{2}}", false).matcher("a/12").matches()).isTrue();
    assertThat(new PathTemplate("a/{x: \\d{2}}", false).matcher("a/123").matches()).isFalse();
    assertThat(new PathTemplate("a.b", false).matcher("aXb").matches()).isFalse();
    assertThat(PathTemplate.join("/a/", null, "", "/{b}/")).isEqualTo("a/{b}");
  }
}
