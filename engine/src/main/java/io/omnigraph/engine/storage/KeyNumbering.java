package io.omnigraph.engine.storage;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys densely (0, 1, 2, ...) in order of first appearance, by open
 * addressing over primitive arrays, so grouping a million rows allocates nothing per row. Not
 * thread-safe.
 */
final class KeyNumbering {
  private long[] keys = new long[64];
  private int[] ids = filled(64);
  private int size;

  /** The number of {@code key}, given the next free number if it has none yet. */
  int idOf(long key) {
    int mask = keys.length - 1;
    for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
      if (ids[i] < 0) {
        if ((size + 1) * 2 > keys.length) {
          grow();
          return idOf(key);
        }
        keys[i] = key;
        ids[i] = size;
        return size++;
      }
      if (keys[i] == key) return ids[i];
    }
  }

  int size() {
    return size;
  }

  private static int spread(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = filled(oldKeys.length * 2);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldIds[j] < 0) continue;
      int i = spread(oldKeys[j]) & mask;
      while (ids[i] >= 0) i = (i + 1) & mask;
      keys[i] = oldKeys[j];
      ids[i] = oldIds[j];
    }
  }
}
