package dev.corsjaxrs.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.Config;

/**
 * Other CORS layers that answer the same requests as this module, found at deployment: a CORS
 * filter registered in the application (RESTEasy's, CXF's), Quarkus's {@code quarkus.http.cors},
 * Helidon's CORS module on the class path. Two layers are how a response gets two {@code
 * Access-Control-Allow-Origin} headers (which browsers reject) or a refusal turned into {@code *}.
 */
public final class SecondLayers {

  /** RESTEasy's CORS filter, registered by the application. */
  static final String RESTEASY_FILTER = "org.jboss.resteasy.plugins.interceptors.CorsFilter";

  /** CXF's CORS filter, registered by the application. */
  static final String CXF_FILTER =
      "org.apache.cxf.rs.security.cors.CrossOriginResourceSharingFilter";

  private SecondLayers() {}

  /**
   * One sentence per other CORS layer found, each naming it and what to turn off.
   *
   * @param config the application's configuration
   * @param registered the names of the classes registered in the Jakarta REST application
   * @param visible whether a class of that name is visible to the application
   * @return the sentences, for WARNING lines; empty where there is none
   */
  public static List<String> detect(
      Config config, Collection<String> registered, Predicate<String> visible) {
    List<String> found = new ArrayList<>();
    if (registered.contains(RESTEASY_FILTER)) {
      found.add(
          "RESTEasy's CorsFilter ("
              + RESTEASY_FILTER
              + ") is registered in this application beside cors-jaxrs: two CORS layers answer"
              + " the same requests; remove its registration");
    }
    if (registered.contains(CXF_FILTER)) {
      found.add(
          "CXF's CrossOriginResourceSharingFilter ("
              + CXF_FILTER
              + ") is registered in this application beside cors-jaxrs: two CORS layers answer"
              + " the same requests; remove its registration");
    }
    for (String key : List.of("quarkus.http.cors.enabled", "quarkus.http.cors")) {
      Optional<String> on = config.getOptionalValue(key, String.class);
      if (on.isPresent() && on.get().strip().equalsIgnoreCase("true")) {
        found.add(
            "Quarkus's own CORS filter is on ("
                + key
                + "=true): it answers in front of Jakarta REST, so responses can carry its"
                + " Access-Control-Allow-Origin as well as cors-jaxrs's, which browsers reject;"
                + " set "
                + key
                + "=false to leave CORS to cors-jaxrs");
        break;
      }
    }
    if (visible.test(KnownKeys.HELIDON_CORS)) {
      found.add(
          "Helidon's CORS module (io.helidon.microprofile:helidon-microprofile-cors) is on the"
              + " class path: it answers CORS requests after cors-jaxrs and can turn its refusals"
              + " into Access-Control-Allow-Origin: *; remove that dependency to leave CORS to"
              + " cors-jaxrs");
    }
    return found;
  }

  /**
   * Whether a class of this name is visible to the application (its context class loader, else this
   * module's).
   *
   * @param className a fully qualified class name
   * @return true where it loads
   */
  public static boolean visible(String className) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      Class.forName(
          className, false, loader != null ? loader : SecondLayers.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
