package dev.corsjaxrs.core;

import dev.corsjaxrs.CorsOriginCheck;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The answers of the deployment's {@link CorsOriginCheck}s: each yes or no kept for the configured
 * time; answers of yes and answers of no in two caches, each bounded for the whole deployment, so
 * that no number of unknown origins evicts an origin the check allowed. One origin asked about by
 * many concurrent requests is asked once (the others wait for that answer, at most {@link
 * #WAIT_SECONDS} seconds, then count it as "no"). At most {@code concurrentCalls} request threads
 * are inside the checks at once, calling or waiting: a request beyond that bound counts as "no" at
 * once, so that a slow check flooded with new origins cannot hold every request thread. An origin
 * the check allowed stays allowed while its answer is asked anew: once its time is over, one
 * request asks; the others, and any request that finds every slot busy, take the last answer.
 * Anything a check throws (short of a {@link VirtualMachineError}) counts as "no" for that request
 * and is not remembered; a throw and a full bound are logged at WARNING at most once a minute per
 * check class.
 */
final class CheckAnswers {

  /** Longest wait for another request's call of the same check about the same origin. */
  static final long WAIT_SECONDS = 5;

  /** Returned by {@link #allowedUntil} for "no". */
  static final long NO = Long.MIN_VALUE;

  /** The default bound on request threads inside the checks: the processors, at least two. */
  static final int DEFAULT_CONCURRENT_CALLS =
      Math.max(2, Runtime.getRuntime().availableProcessors());

  private static final System.Logger LOG = System.getLogger("dev.corsjaxrs");
  private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

  /**
   * A check and an origin. A plain class rather than a record: a record's {@code equals} is linked
   * through a JDK-wide cache that can keep the deployment's class loader after undeploy.
   */
  private static final class Key {
    private final CorsOriginCheck check;
    private final String origin;

    Key(CorsOriginCheck check, String origin) {
      this.check = check;
      this.origin = origin;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.check == check && key.origin.equals(origin);
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(check) + origin.hashCode();
    }
  }

  /** A kept answer. */
  private static final class Answer {
    final boolean allowed;
    final long expiresAt;

    Answer(boolean allowed, long expiresAt) {
      this.allowed = allowed;
      this.expiresAt = expiresAt;
    }
  }

  /** Answers that were yes when last asked (an origin asked anew and refused stays, as no). */
  private final BoundedCache<Key, Answer> allowed;

  /** Answers of no to origins never allowed. */
  private final BoundedCache<Key, Answer> refused;

  private final ConcurrentHashMap<Key, CompletableFuture<Boolean>> inFlight =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> lastWarning = new ConcurrentHashMap<>();
  private final Semaphore inside;
  private final int concurrentCalls;
  private final long keepNanos;

  CheckAnswers(int capacity, long keepSeconds, int concurrentCalls) {
    this.allowed = new BoundedCache<>(capacity);
    this.refused = new BoundedCache<>(capacity);
    this.keepNanos = TimeUnit.SECONDS.toNanos(keepSeconds);
    this.concurrentCalls = concurrentCalls;
    this.inside = new Semaphore(concurrentCalls);
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
    long now = System.nanoTime();
    Answer last = allowed.get(key);
    if (last != null && last.expiresAt - now > 0) {
      return last.allowed ? last.expiresAt : NO;
    }
    boolean lastAllowed = last != null && last.allowed;
    if (!lastAllowed) {
      Answer no = refused.get(key);
      if (no != null && no.expiresAt - now > 0) {
        return NO;
      }
    }
    if (lastAllowed && inFlight.containsKey(key)) {
      return now; // another request asks anew: the last answer holds meanwhile
    }
    if (!inside.tryAcquire()) {
      if (lastAllowed) {
        return now;
      }
      warn(name, "has " + concurrentCalls + " calls running or waiting; origin " + origin, null);
      return NO;
    }
    try {
      return ask(key, check, name, now, lastAllowed);
    } finally {
      inside.release();
    }
  }

  private long ask(Key key, CorsOriginCheck check, String name, long now, boolean lastAllowed) {
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return lastAllowed || waitFor(running) ? now : NO;
    }
    boolean yes = false;
    try {
      yes = check.allows(key.origin);
      long expiresAt = System.nanoTime() + keepNanos;
      if (keepNanos > 0) {
        (yes || lastAllowed ? allowed : refused).put(key, new Answer(yes, expiresAt));
      }
      return yes ? expiresAt : NO;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) { // a check may throw anything: checked exceptions, assertion errors
      warn(name, "threw for origin " + key.origin, e);
      return NO;
    } finally {
      mine.complete(yes);
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

  private void warn(String name, String what, Throwable e) {
    long now = System.nanoTime();
    String key = name;
    Long last = lastWarning.get(key);
    boolean due =
        last == null
            ? lastWarning.putIfAbsent(key, now) == null
            : now - last >= WARNING_INTERVAL && lastWarning.replace(key, last, now);
    if (due) {
      LOG.log(
          System.Logger.Level.WARNING,
          "CORS origin check "
              + name
              + " "
              + HttpSyntax.printable(what)
              + ": counted as not allowed (logged at most once a minute)",
          e);
    }
  }
}
