package dev.corsjaxrs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cache never holds more than its capacity and keeps what is read. */
class BoundedCacheTest {

  @Test
  void holdsAtMostItsCapacityAndEvictsWhatWasNotRead() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(4);
    for (int i = 0; i < 100; i++) {
      cache.put("k" + i, i);
      assertThat(cache.get("hot")).isEqualTo(i == 0 ? null : -1);
      if (i == 0) {
        cache.put("hot", -1);
      }
      assertThat(cache.size()).isLessThanOrEqualTo(4);
    }
    assertThat(cache.get("k99")).isEqualTo(99);
    assertThat(cache.get("k0")).isNull();
    assertThat(cache.capacity()).isEqualTo(4);
  }

  @Test
  void updateSeesThePresentValue() {
    BoundedCache<String, String> cache = new BoundedCache<>(2);
    cache.update("a", present -> present == null ? "1" : present + "2");
    cache.update("a", present -> present == null ? "1" : present + "2");
    assertThat(cache.get("a")).isEqualTo("12");
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void staysBoundedUnderConcurrentWriters() throws InterruptedException {
    BoundedCache<Integer, Integer> cache = new BoundedCache<>(128);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      int offset = t * 100_000;
      pool.execute(
          () -> {
            for (int i = 0; i < 50_000; i++) {
              cache.put(offset + i, i);
              cache.get(offset + i / 2);
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(cache.size()).isLessThanOrEqualTo(128);
  }

  @Test
  void refusesAZeroCapacity() {
    assertThatThrownBy(() -> new BoundedCache<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
