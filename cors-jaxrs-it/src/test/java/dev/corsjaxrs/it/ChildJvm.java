package dev.corsjaxrs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM of its own on this execution's runtime and class path, running a main class that prints
 * {@code PORT <n>} first: what a test needs of a real process (JVM options, environment variables),
 * with its standard error kept line by line.
 */
final class ChildJvm implements AutoCloseable {

  final int port;

  /** The child's first line of standard output: {@code PORT <n>}, and what follows it. */
  final String firstLine;

  private final Process process;
  private final List<String> errors;
  private final CompletableFuture<Void> stderr;

  private ChildJvm(
      String firstLine, Process process, List<String> errors, CompletableFuture<Void> stderr) {
    this.firstLine = firstLine;
    this.port = firstLine == null ? -1 : Integer.parseInt(firstLine.split(" ")[1]);
    this.process = process;
    this.errors = errors;
    this.stderr = stderr;
  }

  static ChildJvm start(Class<?> main, List<String> options, Map<String, String> environment)
      throws Exception {
    return start(main, options, environment, entry -> true);
  }

  /**
   * Starts a child whose class path keeps only the entries of this one that {@code keep} accepts.
   */
  static ChildJvm start(
      Class<?> main, List<String> options, Map<String, String> environment, Predicate<String> keep)
      throws Exception {
    String classPath =
        java.util.Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(keep)
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dit.runtime=" + TestServer.RUNTIME));
    command.addAll(options);
    command.addAll(List.of("-cp", classPath, main.getName()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process = builder.start();
    List<String> errors = new ArrayList<>();
    CompletableFuture<Void> stderr =
        CompletableFuture.runAsync(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  synchronized (errors) {
                    errors.add(line);
                  }
                }
              } catch (IOException e) {
                // the child is gone
              }
            });
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    if (first == null || !first.startsWith("PORT ")) {
      ChildJvm failed = new ChildJvm(null, process, errors, stderr);
      failed.close();
      assertThat(first)
          .as("the child's first line (stderr: %s)", failed.errors())
          .startsWith("PORT ");
    }
    return new ChildJvm(first, process, errors, stderr);
  }

  /** The lines of standard error so far. */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /** Waits up to {@code seconds} for a line of standard error. */
  void awaitError(Predicate<String> line, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline && errors().stream().noneMatch(line)) {
      Thread.sleep(50);
    }
  }

  /** Stops the child and waits until its standard error is read to the end. */
  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      stderr.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("the child's standard error could not be read to its end", e);
    }
  }
}
