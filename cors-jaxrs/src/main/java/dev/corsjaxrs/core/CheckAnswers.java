package dev.corsjaxrs.core;

import dev.corsjaxrs.CorsOriginCheck;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The answers of the deployment's {@link CorsOriginCheck}s: each yes or no kept for the configured
 * time in a cache bounded for the whole deployment; one origin asked about by many concurrent
 * requests asked once (the others wait for that answer, at most {@link #WAIT_SECONDS} seconds, then
 * count it as "no"); a check that throws counts as "no" for that request, is not remembered, and is
 * logged at WARNING at most once a minute per check class.
 */
final class CheckAnswers {

  /** Longest wait for another request's call of the same check about the same origin. */
  static final long WAIT_SECONDS = 5;

  /** Returned by {@link #allowedUntil} for "no". */
  static final long NO = Long.MIN_VALUE;

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");
  private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

  private record Key(CorsOriginCheck check, String origin) {}

  private record Answer(boolean allowed, long expiresAt) {}

  private final BoundedCache<Key, Answer> answers;
  private final ConcurrentHashMap<Key, CompletableFuture<Boolean>> inFlight =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> lastWarning = new ConcurrentHashMap<>();
  private final long keepNanos;

  CheckAnswers(int capacity, long keepSeconds) {
    this.answers = new BoundedCache<>(capacity);
    this.keepNanos = TimeUnit.SECONDS.toNanos(keepSeconds);
  }

  /**
   * Asks a check about an origin, or reuses its answer.
   *
   * @param check the check
   * @param name the check's class name as configured, for the log
   * @param origin a normalised origin, never {@code null}
   * @return {@link #NO}, or the {@link System#nanoTime()} until which the "yes" may be reused
   *     (already past where answers are not kept)
   */
  long allowedUntil(CorsOriginCheck check, String name, String origin) {
    Key key = new Key(check, origin);
    Answer known = answers.get(key);
    long now = System.nanoTime();
    if (known != null && known.expiresAt() - now > 0) {
      return known.allowed() ? known.expiresAt() : NO;
    }
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return waitFor(running) ? now : NO;
    }
    try {
      boolean allowed = check.allows(origin);
      long expiresAt = System.nanoTime() + keepNanos;
      if (keepNanos > 0) {
        answers.put(key, new Answer(allowed, expiresAt));
      }
      mine.complete(allowed);
      return allowed ? expiresAt : NO;
    } catch (RuntimeException | LinkageError e) {
      mine.complete(false);
      warn(name, origin, e);
      return NO;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private static boolean waitFor(CompletableFuture<Boolean> running) {
    try {
      return running.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  private void warn(String name, String origin, Throwable e) {
    long now = System.nanoTime();
    Long last = lastWarning.get(name);
    boolean due =
        last == null
            ? lastWarning.putIfAbsent(name, now) == null
            : now - last >= WARNING_INTERVAL && lastWarning.replace(name, last, now);
    if (due) {
      LOG.log(
          System.Logger.Level.WARNING,
          "CORS origin check "
              + name
              + " threw for origin "
              + HttpSyntax.printable(origin)
              + ": counted as not allowed (logged at most once a minute)",
          e);
    }
  }
}
