package dev.corsjaxrs.config;

import dev.corsjaxrs.core.Refusal;
import dev.corsjaxrs.core.RequestCounter;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Counts decided requests on the OpenTelemetry counter {@code cors.requests} (unit {@code
 * {request}}, scope {@code dev.corsjaxrs}). Each combination of attribute values is built once and
 * reused, so counting allocates nothing of ours per request. Loaded only where the OpenTelemetry
 * API is visible ({@link Telemetry}).
 */
final class OpenTelemetryCounter implements RequestCounter {

  static final AttributeKey<String> KIND = AttributeKey.stringKey("cors.request.kind");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("cors.outcome");
  static final AttributeKey<String> REFUSAL = AttributeKey.stringKey("cors.refusal");
  static final AttributeKey<String> POLICY = AttributeKey.stringKey("cors.policy");

  private static final int OUTCOMES = Outcome.values().length;
  private static final int REFUSALS = Refusal.values().length + 1;
  private static final int COMBINATIONS = Kind.values().length * OUTCOMES * REFUSALS;

  private final Supplier<OpenTelemetry> openTelemetry;
  private volatile LongCounter counter;
  private volatile boolean broken;
  // One table per policy name: the deployment's named policies and three more, a bounded set.
  private final ConcurrentHashMap<String, Attributes[]> byPolicy = new ConcurrentHashMap<>();

  /**
   * A counter on the {@code OpenTelemetry} a supplier gives when the first request is counted (a
   * server's CDI container and its telemetry may start after the deployment is read).
   */
  OpenTelemetryCounter(Supplier<OpenTelemetry> openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /** The counter of the application's {@code OpenTelemetry}: its CDI bean, else the global one. */
  static OpenTelemetryCounter create() {
    return new OpenTelemetryCounter(
        () -> {
          OpenTelemetry bean = CdiBeans.isPresent() ? CdiBeans.find(OpenTelemetry.class) : null;
          return bean != null ? bean : GlobalOpenTelemetry.get();
        });
  }

  private LongCounter counter() {
    LongCounter known = counter;
    if (known == null) {
      known =
          openTelemetry
              .get()
              .getMeter("dev.corsjaxrs")
              .counterBuilder("cors.requests")
              .setUnit("{request}")
              .setDescription("Requests the CORS module decided")
              .build();
      counter = known; // a race builds the same instrument twice: the SDK returns one
    }
    return known;
  }

  @Override
  public void count(Kind kind, Outcome outcome, Refusal refusal, String policy) {
    if (broken) {
      return;
    }
    try {
      add(kind, outcome, refusal, policy);
    } catch (RuntimeException | LinkageError e) {
      // An OpenTelemetry the application sees but cannot use (another version of the API, a
      // failing SDK) never costs a request: counting stops, once, at FINE.
      broken = true;
      System.getLogger("dev.corsjaxrs")
          .log(System.Logger.Level.DEBUG, "CORS telemetry off: counting failed with " + e);
    }
  }

  private void add(Kind kind, Outcome outcome, Refusal refusal, String policy) {
    Attributes[] table = byPolicy.get(policy);
    if (table == null) {
      table = byPolicy.computeIfAbsent(policy, name -> new Attributes[COMBINATIONS]);
    }
    int index =
        (kind.ordinal() * OUTCOMES + outcome.ordinal()) * REFUSALS
            + (refusal == null ? 0 : refusal.ordinal() + 1);
    Attributes attributes = table[index];
    if (attributes == null) {
      // Immutable: a race builds an equal value twice, never a wrong one.
      attributes =
          Attributes.of(
              KIND, label(kind), OUTCOME, label(outcome), REFUSAL, label(refusal), POLICY, policy);
      table[index] = attributes;
    }
    counter().add(1, attributes);
  }

  private static String label(Enum<?> value) {
    return value == null ? "none" : value.name().toLowerCase(Locale.ROOT);
  }
}
