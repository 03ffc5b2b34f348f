package dev.corsjaxrs.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsAllowed;
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
    ResourceScanner scanner = new ResourceScanner(resolver, table);
    scanner.add(Files.class);
    scanner.add(Files.class);
    scanner.add(Archive.class);
    scanner.add(ApiResource.class);
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
    "files/a/parts, GET, https://locator.example",
    "files/a/parts/7, DELETE, https://locator.example",
    "files/archive, GET, https://archive.example",
    "files/archived, GET, https://name.example",
    "api/orders, POST, https://impl.example",
    "api, DELETE, https://impl.example",
    "elsewhere, GET, https://global.example",
    "file, GET, https://global.example",
  })
  void findsThePolicyOfTheServingMethod(String path, String method, String origin) {
    assertThat(table.lookup(path, method).origins().items()).containsExactly(origin);
  }

  @Test
  void allowedMethodsDefaultToWhatThePathImplements() {
    CorsPolicy files = table.lookup("files", "GET");
    assertThat(files.methods()).containsExactly("GET", "HEAD");
    assertThat(table.lookup("files/latest", "PUT").methods()).containsExactly("PUT");
    assertThat(table.lookup("files/a/parts", "PUT").methods())
        .containsExactly("GET", "HEAD", "POST");
  }

  @Test
  void templatesSortByLiteralsThenVariablesThenRegexes() {
    PathTemplate literal = new PathTemplate("files/latest", false);
    PathTemplate regex = new PathTemplate("files/{id: [0-9]+}", false);
    PathTemplate plain = new PathTemplate("files/{name}", false);
    assertThat(literal.compareTo(plain)).isNegative();
    assertThat(regex.compareTo(plain)).isNegative();
    assertThat(plain.compareTo(new PathTemplate("files/{other}", false))).isZero();
    assertThat(new PathTemplate("a/{x: \\d{2}}", false).matches("a/12")).isTrue();
    assertThat(new PathTemplate("a/{x: \\d{2}}", false).matches("a/123")).isFalse();
    assertThat(new PathTemplate("a.b", false).matches("aXb")).isFalse();
    assertThat(PathTemplate.join("/a/", null, "", "/{b}/")).isEqualTo("a/{b}");
  }
}
