package dev.corsjaxrs.it;

import dev.corsjaxrs.CorsAllowed;
import dev.corsjaxrs.CorsOriginCheck;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Origin checks and the resources that use them, for the wire tests of application checks. */
public final class OriginCheckResources {

  private OriginCheckResources() {}

  /** Allows every subdomain of tenant.example, counting how often each origin is asked about. */
  public static final class TenantCheck implements CorsOriginCheck {
    static final Map<String, AtomicInteger> ASKED = new ConcurrentHashMap<>();

    @Override
    public boolean allows(String origin) {
      ASKED.computeIfAbsent(origin, o -> new AtomicInteger()).incrementAndGet();
      return origin.endsWith(".tenant.example");
    }
  }

  /** Allows every subdomain of counted.example; counts its instances and its questions. */
  public static final class CountedCheck implements CorsOriginCheck {
    static final AtomicInteger CREATED = new AtomicInteger();
    static final AtomicInteger ASKED = new AtomicInteger();

    public CountedCheck() {
      CREATED.incrementAndGet();
    }

    @Override
    public boolean allows(String origin) {
      ASKED.incrementAndGet();
      return origin.endsWith(".counted.example");
    }
  }

  /** Allows every subdomain of global.example. */
  public static final class GlobalCheck implements CorsOriginCheck {
    @Override
    public boolean allows(String origin) {
      return origin.endsWith(".global.example");
    }
  }

  /** A tenant registry that is down. */
  public static final class FailingCheck implements CorsOriginCheck {
    @Override
    public boolean allows(String origin) {
      throw new IllegalStateException("tenant registry unreachable");
    }
  }

  /** Throws a checked exception, as a Kotlin or a {@code @SneakyThrows} check can. */
  public static final class CheckedExceptionCheck implements CorsOriginCheck {
    @Override
    public boolean allows(String origin) {
      return CheckedExceptionCheck.<RuntimeException>sneaky(
          new java.io.IOException("tenant registry unreachable"));
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> boolean sneaky(Throwable thrown) throws T {
      throw (T) thrown;
    }
  }

  /** Fails an assertion, after a second (so that other requests for the origin wait for it). */
  public static final class AssertingCheck implements CorsOriginCheck {
    @Override
    public boolean allows(String origin) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new AssertionError("tenant table inconsistent");
    }
  }

  /** Takes two seconds per origin; allows slow.example's subdomains. */
  public static final class SlowCheck implements CorsOriginCheck {
    @Override
    public boolean allows(String origin) {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return origin.endsWith(".slow.example");
    }
  }

  @Path("checked-exception")
  @CorsAllowed(originCheck = CheckedExceptionCheck.class)
  public static class ThrowsChecked {
    @GET
    public String get() {
      return "checked-exception";
    }
  }

  @Path("asserting")
  @CorsAllowed(originCheck = AssertingCheck.class)
  public static class Asserting {
    @GET
    public String get() {
      return "asserting";
    }
  }

  @Path("slow")
  @CorsAllowed(originCheck = SlowCheck.class)
  public static class Slow {
    @GET
    public String get() {
      return "slow";
    }
  }

  /** No public no-argument constructor, and no CDI here. */
  public static final class NoConstructorCheck implements CorsOriginCheck {
    public NoConstructorCheck(String registry) {}

    @Override
    public boolean allows(String origin) {
      return false;
    }
  }

  /** Not a check at all. */
  public static final class NotACheck {}

  @Path("checked")
  @CorsAllowed(originCheck = TenantCheck.class)
  public static class Checked {
    @GET
    public String get() {
      return "checked";
    }

    @PUT
    public String put(String body) {
      return "put";
    }
  }

  @Path("checked-credentials")
  @CorsAllowed(originCheck = TenantCheck.class, allowCredentials = "true")
  public static class CheckedWithCredentials {
    @GET
    public String get() {
      return "checked";
    }
  }

  @Path("plain")
  public static class Plain {
    @GET
    public String get() {
      return "plain";
    }
  }

  @Path("failing")
  @CorsAllowed(originCheck = FailingCheck.class)
  public static class Failing {
    @GET
    public String get() {
      return "failing";
    }

    @PUT
    public String put(String body) {
      return "put";
    }
  }

  @Path("no-constructor")
  @CorsAllowed(originCheck = NoConstructorCheck.class)
  public static class WithoutConstructor {
    @GET
    public String get() {
      return "never";
    }
  }
}
