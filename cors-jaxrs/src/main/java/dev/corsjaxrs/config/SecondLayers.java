package dev.corsjaxrs.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.Config;

/**
 * Other CORS layers that answer the same requests as this module, found at deployment: a CORS
 * filter registered in the application (RESTEasy's, CXF's), Helidon's CORS module on the class
 * path; and Quarkus's {@code quarkus.http.cors}, which this module cannot work beside. Two layers
 * are how a response gets two {@code Access-Control-Allow-Origin} headers (which browsers reject)
 * or a refusal turned into {@code *}.
 */
public final class SecondLayers {

  /** RESTEasy's CORS filter, registered by the application. */
  static final String RESTEASY_FILTER = "org.jboss.resteasy.plugins.interceptors.CorsFilter";

  /** CXF's CORS filter, registered by the application. */
  static final String CXF_FILTER =
      "org.apache.cxf.rs.security.cors.CrossOriginResourceSharingFilter";

  /** A class of every Quarkus application. */
  static final String QUARKUS = "io.quarkus.runtime.Quarkus";

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
   * Quarkus's own CORS filter, where it is on: it answers every preflight before Jakarta REST, and
   * adds its headers to actual responses where Jakarta REST cannot see them, so this module can
   * neither answer in its place nor remove what it wrote. The module then stands aside.
   *
   * @param config the application's configuration
   * @param visible whether a class of that name is visible to the application
   * @return the sentence for the WARNING line, or empty where Quarkus's filter is off or this is
   *     not Quarkus
   */
  public static Optional<String> quarkusCors(Config config, Predicate<String> visible) {
    if (!visible.test(QUARKUS)) {
      return Optional.empty();
    }
    for (String key : List.of("quarkus.http.cors.enabled", "quarkus.http.cors")) {
      Optional<String> on = config.getOptionalValue(key, String.class);
      if (on.isPresent() && on.get().strip().equalsIgnoreCase("true")) {
        return Optional.of(
            "CORS module off: Quarkus's own CORS filter is on ("
                + key
                + "=true); it answers every preflight before Jakarta REST and adds its headers where"
                + " cors-jaxrs cannot see them, so cors-jaxrs adds nothing, and no response"
                + " carries two Access-Control-Allow-Origin headers; set "
                + key
                + "=false to let cors-jaxrs answer with its policies");
      }
    }
    return Optional.empty();
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
