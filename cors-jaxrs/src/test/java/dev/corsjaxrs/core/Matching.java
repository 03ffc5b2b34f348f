package dev.corsjaxrs.core;

import java.util.Optional;

/** What a browser's {@code Origin} value gets from a matcher: its serialization, or nothing. */
final class Matching {

  private Matching() {}

  static Optional<String> match(OriginMatcher matcher, String header) {
    return Origin.parse(header).filter(matcher::allows).map(Origin::toString);
  }
}
