package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of origin parsing and matching, checked on generated input. */
class OriginPropertiesTest {

  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.strings()
        .withCharRange('a', 'e')
        .withChars('-', '1')
        .ofMinLength(1)
        .ofMaxLength(4);
  }

  @Provide
  Arbitrary<String> hosts() {
    return labels().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
  }

  /** Hosts a subdomain pattern may name: no public suffix (those fail the deployment). */
  @Provide
  Arbitrary<String> domains() {
    return hosts()
        .filter(h -> !PublicSuffixes.get().isPublicSuffix(h.toLowerCase(java.util.Locale.ROOT)));
  }

  @Provide
  Arbitrary<String> schemes() {
    return Arbitraries.of("http", "https", "HTTPS", "ws", "ftp");
  }

  @Provide
  Arbitrary<String> ports() {
    return Arbitraries.of("", ":80", ":443", ":8443", ":1", ":65535");
  }

  @Provide
  Arbitrary<String> origins() {
    return Combinators.combine(schemes(), hosts(), ports()).as((s, h, p) -> s + "://" + h + p);
  }

  /** Strings made mostly of the characters that matter in an origin. */
  @Provide
  Arbitrary<String> originLike() {
    return Arbitraries.oneOf(
        origins(),
        Arbitraries.strings().withChars("htps:/.a-b1@?#[]:*\u0000\r\n \u00e9%").ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(60));
  }

  @Property(tries = 2000)
  void parsingNeverThrowsAndAcceptsOnlySerializedOrigins(@ForAll("originLike") String value) {
    Optional<Origin> origin = Origin.parse(value);
    origin.ifPresent(
        o -> {
          String serialized = o.toString();
          String authority = o.isNull() ? "" : serialized.substring(serialized.indexOf("://") + 3);
          assertThat(authority).doesNotContain("/", "?", "#", "@", " ", "%");
          assertThat(serialized.chars()).allMatch(c -> c > 0x20 && c < 0x7f);
          assertThat(serialized).isEqualTo(serialized.toLowerCase(java.util.Locale.ROOT));
        });
  }

  @Property(tries = 500)
  void valuesWithPathQueryOrUserInfoAreNeverOrigins(
      @ForAll("origins") String origin, @ForAll("tails") String tail) {
    int authority = origin.indexOf("://") + 3;
    String withUserInfo = origin.substring(0, authority) + "user@" + origin.substring(authority);
    assertThat(Origin.parse(origin + tail)).isEmpty();
    assertThat(Origin.parse(withUserInfo)).isEmpty();
  }

  @Provide
  Arbitrary<String> tails() {
    return Arbitraries.of("/", "/x", "?", "?a=1", "#f", "\u0000", "\r\nX: y", " ", "\u00e9", "\t");
  }

  @Property(tries = 1000)
  void normalisationIsIdempotent(@ForAll("originLike") String value) {
    Origin.parse(value)
        .ifPresent(
            once -> {
              Optional<Origin> twice = Origin.parse(once.toString());
              assertThat(twice).contains(once);
              assertThat(twice.get().toString()).isEqualTo(once.toString());
            });
  }

  @Property(tries = 2000)
  void subdomainPatternNeverMatchesOutsideItsDomainSchemeOrPort(
      @ForAll("domains") String domain,
      @ForAll("origins") String candidate,
      @ForAll("ports") String patternPort) {
    String pattern = "https://*." + domain + patternPort;
    OriginMatcher matcher = OriginMatcher.compile(List.of(pattern), "test");
    Optional<String> match = Matching.match(matcher, candidate);
    if (match.isPresent()) {
      Origin origin = Origin.parse(candidate).orElseThrow();
      assertThat(origin.scheme()).isEqualTo("https");
      assertThat(origin.host()).endsWith("." + domain).isNotEqualTo(domain);
      int expectedPort =
          patternPort.isEmpty() || patternPort.equals(":443")
              ? -1
              : Integer.parseInt(patternPort.substring(1));
      assertThat(origin.port()).isEqualTo(expectedPort);
    }
  }

  @Property(tries = 1000)
  void subdomainPatternMatchesEverySubdomainOnItsPort(
      @ForAll("domains") String domain, @ForAll("labels") String sub) {
    OriginMatcher matcher = OriginMatcher.compile(List.of("https://*." + domain), "test");
    assertThat(Matching.match(matcher, "https://" + sub + "." + domain))
        .contains("https://" + sub + "." + domain);
    assertThat(Matching.match(matcher, "https://" + domain)).isEmpty();
    assertThat(Matching.match(matcher, "https://" + sub + domain)).isEmpty();
  }

  @Property(tries = 2000)
  void anAllowedOriginIsAnsweredWithItselfOrStarOnly(
      @ForAll("configuredItems") List<String> items,
      @ForAll("originLike") String origin,
      @ForAll boolean credentials,
      @ForAll @IntRange(min = 0, max = 2) int kind) {
    if (credentials && items.contains("*")) {
      return;
    }
    CorsPolicy policy =
        new PolicyCatalog()
            .builder()
            .origins(items, "test")
            .allowCredentials(credentials, "test")
            .build();
    CorsRequest request =
        kind == 0
            ? CorsRequest.actual(List.of(origin), null, null)
            : new CorsRequest(List.of(origin), "GET", List.of(), null, null, null);
    CorsDecision decision = kind == 0 ? policy.actual(request) : policy.preflight(request);
    if (decision.isAllowed()) {
      String allowOrigin = decision.headers().get(CorsHeaders.ALLOW_ORIGIN);
      String normalised = Origin.parse(origin).orElseThrow().toString();
      assertThat(allowOrigin).isIn(normalised, "*");
      if (credentials) {
        assertThat(allowOrigin).isEqualTo(normalised);
      }
    } else {
      assertThat(decision.headers()).isEmpty();
    }
  }

  @Provide
  Arbitrary<List<String>> configuredItems() {
    Arbitrary<String> item =
        Arbitraries.oneOf(
            origins(),
            domains().map(h -> "https://*." + h),
            hosts().map(h -> "http://" + h + ":*"),
            Arbitraries.of("*", "null"));
    return item.list().ofMaxSize(4);
  }
}
