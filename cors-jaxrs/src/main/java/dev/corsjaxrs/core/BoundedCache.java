package dev.corsjaxrs.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A cache that never holds more than a fixed number of entries, however many distinct keys requests
 * bring: when full, a new entry replaces one not read since the clock hand last passed it (the
 * CLOCK approximation of least-recently-used). Reads take no lock and allocate nothing; writes are
 * serialised. One instance serves the whole application.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class BoundedCache<K, V> {

  /**
   * A key's value and its "read since the hand passed" bit. Both are plain fields: the map
   * publishes an entry safely, and a reader that sees an older value or bit at worst decides a
   * request anew or evicts an entry a little early.
   */
  private static final class Entry<K, V> {
    final K key;
    V value;
    boolean used;

    Entry(K key, V value) {
      this.key = key;
      this.value = value;
    }
  }

  private final ConcurrentHashMap<K, Entry<K, V>> map;
  private final Entry<K, V>[] ring;
  private int hand;

  @SuppressWarnings("unchecked")
  BoundedCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.map = new ConcurrentHashMap<>(capacity * 4 / 3 + 1);
    this.ring = (Entry<K, V>[]) new Entry<?, ?>[capacity];
  }

  /**
   * The value of a key.
   *
   * @param key the key
   * @return the value, or null when absent
   */
  V get(K key) {
    Entry<K, V> entry = map.get(key);
    if (entry == null) {
      return null;
    }
    if (!entry.used) {
      entry.used = true;
    }
    return entry.value;
  }

  /**
   * Sets a key's value to {@code update} of its present value (null when absent), evicting another
   * entry when the cache is full.
   *
   * @param key the key
   * @param update gives the new value from the present one; must not return null
   */
  synchronized void update(K key, UnaryOperator<V> update) {
    Entry<K, V> present = map.get(key);
    if (present != null) {
      present.value = update.apply(present.value);
      return;
    }
    while (ring[hand] != null && ring[hand].used) {
      ring[hand].used = false;
      hand = (hand + 1) % ring.length;
    }
    if (ring[hand] != null) {
      map.remove(ring[hand].key);
    }
    Entry<K, V> entry = new Entry<>(key, update.apply(null));
    ring[hand] = entry;
    map.put(key, entry);
    hand = (hand + 1) % ring.length;
  }

  /**
   * Sets a key's value.
   *
   * @param key the key
   * @param value the value
   */
  void put(K key, V value) {
    update(key, present -> value);
  }

  /**
   * How many entries it holds.
   *
   * @return at most the capacity
   */
  int size() {
    return map.size();
  }

  /**
   * The most entries it holds.
   *
   * @return the capacity
   */
  int capacity() {
    return ring.length;
  }
}
