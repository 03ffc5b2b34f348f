package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corsjaxrs.CorsOriginCheck;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Undeploy: a deployment's class loader can be collected once its policies are, after origin
 * checks, cached check answers and cached preflights have run. Nothing of ours may stay in a
 * JDK-wide cache (a record's {@code equals} is linked through one on JDK 17).
 */
class ClassLoaderReleaseTest {

  @Test
  void aDeploymentsClassLoaderIsReleasedAfterItsAnswersWereCachedAndFound() throws Exception {
    WeakReference<ClassLoader> loader = runOneDeployment();
    for (int i = 0; i < 100 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(loader.get()).as("the deployment's class loader after undeploy").isNull();
  }

  /** Loads the library in a class loader of its own, as a server does per application. */
  private static WeakReference<ClassLoader> runOneDeployment() throws Exception {
    URL classes = CorsOriginCheck.class.getProtectionDomain().getCodeSource().getLocation();
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    Class<?> checkType = loader.loadClass(CorsOriginCheck.class.getName());
    Object check =
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {checkType},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "allows" -> ((String) args[0]).endsWith(".tenant.example");
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> "check";
                });
    Class<?> catalogType = loader.loadClass(PolicyCatalog.class.getName());
    Object builder =
        catalogType.getMethod("builder").invoke(catalogType.getConstructor().newInstance());
    Class<?> builderType = builder.getClass();
    builder =
        builderType
            .getMethod("originCheck", checkType, String.class, String.class)
            .invoke(builder, check, "com.acme.Tenants", "cors.origin-check");
    builder =
        builderType
            .getMethod("methods", List.class, String.class)
            .invoke(builder, List.of("PUT"), "m");
    Object policy = builderType.getMethod("build").invoke(builder);
    Class<?> requestType = loader.loadClass(CorsRequest.class.getName());
    Method actual = policy.getClass().getMethod("actual", requestType);
    Method preflight = policy.getClass().getMethod("preflight", requestType);
    Constructor<?> request =
        requestType.getConstructor(
            List.class, String.class, List.class, String.class, String.class, String.class);
    String own = "https://api.example.com";
    for (int i = 0; i < 3; i++) {
      for (String origin : List.of("https://a.tenant.example", "https://evil.example")) {
        actual.invoke(
            policy, request.newInstance(List.of(origin), null, List.of(), null, null, own));
        preflight.invoke(
            policy, request.newInstance(List.of(origin), "PUT", List.of("x-a"), null, null, own));
      }
    }
    WeakReference<ClassLoader> reference = new WeakReference<>(loader);
    loader.close();
    return reference;
  }
}
