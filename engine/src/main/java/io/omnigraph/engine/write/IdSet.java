package io.omnigraph.engine.write;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A set of ids held compactly: the UTF-8 bytes of every id side by side in one array, found through
 * an open-addressing table of (hash, position) pairs. About 20 bytes plus the id's own bytes per
 * id, where a {@code HashSet<String>} takes about 100, so a graph handle can hold the ids of
 * several million rows for its key checks. Exact: a lookup compares bytes, never only hashes.
 * Removed ids leave their bytes behind until the garbage outweighs the live ids, then the set
 * rebuilds itself. Not thread-safe.
 */
final class IdSet {
  private static final int EMPTY = 0;
  /** A slot whose id was removed: lookups probe past it, inserts may reuse it. */
  private static final int GONE = -1;

  private byte[] bytes;
  private int used;
  /** Start of id {@code i} in {@link #bytes}; its end is {@code starts[i + 1]}, or {@link #used} for the last. */
  private int[] starts;
  private int ids;
  /** Per slot: the id's hash in the high half, its number plus one in the low half (or EMPTY/GONE). */
  private long[] slots;
  private int size;
  private int gone;

  IdSet() {
    this(0);
  }

  /** A set with room for {@code expected} ids of about 16 bytes before it grows. */
  IdSet(int expected) {
    int n = Math.max(64, expected);
    bytes = new byte[Math.max(1024, n * 16)];
    starts = new int[n];
    slots = new long[Integer.highestOneBit(n * 2 - 1) << 1];
  }

  int size() {
    return size;
  }

  boolean contains(String id) {
    if (ascii(id)) return find(null, 0, 0, id, hashAscii(id)) >= 0;
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return find(key, 0, key.length, null, hash(key, 0, key.length)) >= 0;
  }

  /** As {@link #contains(String)}, for the id whose UTF-8 bytes are {@code bytes[from, from + length)}. */
  boolean contains(byte[] bytes, int from, int length) {
    return find(bytes, from, length, null, hash(bytes, from, length)) >= 0;
  }

  /** True when {@code id} was not in the set. */
  boolean add(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    return add(key, 0, key.length);
  }

  /** As {@link #add(String)}, for the id whose UTF-8 bytes are {@code bytes[from, from + length)}. */
  boolean add(byte[] bytes, int from, int length) {
    int h = hash(bytes, from, length);
    if (find(bytes, from, length, null, h) >= 0) return false;
    if ((size + gone + 1) * 2L > slots.length) rehash(size + 1);
    int n = append(bytes, from, length);
    int mask = slots.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int held = (int) slots[s];
      if (held == EMPTY || held == GONE) {
        if (held == GONE) gone--;
        slots[s] = ((long) h << 32) | (n + 1);
        size++;
        return true;
      }
    }
  }

  /** True when {@code id} was in the set. */
  boolean remove(String id) {
    byte[] key = id.getBytes(StandardCharsets.UTF_8);
    int s = find(key, 0, key.length, null, hash(key, 0, key.length));
    if (s < 0) return false;
    slots[s] = GONE & 0xffffffffL;
    size--;
    gone++;
    return true;
  }

  /** Approximate heap held, in bytes. */
  long bytes() {
    return bytes.length + 4L * starts.length + 8L * slots.length + 64;
  }

  /**
   * The slot holding the id given as UTF-8 bytes ({@code bytes[from, from + length)}) or as an
   * ASCII string {@code ascii}, or -1.
   */
  private int find(byte[] bytes, int from, int length, String ascii, int h) {
    int mask = slots.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      long slot = slots[s];
      int held = (int) slot;
      if (held == EMPTY) return -1;
      if (held != GONE && (int) (slot >>> 32) == h
          && (ascii != null ? asciiAt(held - 1, ascii) : equalsAt(held - 1, bytes, from, length))) {
        return s;
      }
    }
  }

  private boolean equalsAt(int n, byte[] key, int from, int length) {
    int start = starts[n];
    int end = n + 1 < ids ? starts[n + 1] : used;
    return Arrays.equals(bytes, start, end, key, from, from + length);
  }

  private int append(byte[] key, int from, int length) {
    if (used + length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(used + length, bytes.length * 2));
    if (ids == starts.length) starts = Arrays.copyOf(starts, ids * 2);
    System.arraycopy(key, from, bytes, used, length);
    starts[ids] = used;
    used += length;
    return ids++;
  }

  /** Rebuilds the table for {@code live} ids, dropping the bytes of removed ones when they are most of the array. */
  private void rehash(int live) {
    long[] old = slots;
    int capacity = Integer.highestOneBit(Math.max(64, live * 2 - 1)) << 1;
    boolean compacting = gone > 0 && ids > 2 * size;
    byte[] oldBytes = bytes;
    int[] oldStarts = starts;
    int oldIds = ids;
    int oldUsed = used;
    if (compacting) {
      bytes = new byte[Math.max(1024, oldUsed)];
      starts = new int[Math.max(64, size * 2)];
      used = 0;
      ids = 0;
    }
    slots = new long[capacity];
    gone = 0;
    int mask = capacity - 1;
    for (long slot : old) {
      int held = (int) slot;
      if (held == EMPTY || held == GONE) continue;
      if (compacting) {
        int n = held - 1;
        int to = n + 1 < oldIds ? oldStarts[n + 1] : oldUsed;
        slot = (slot & 0xffffffff00000000L) | (append(oldBytes, oldStarts[n], to - oldStarts[n]) + 1);
      }
      int s = (int) (slot >>> 32) & mask;
      while (slots[s] != EMPTY) s = (s + 1) & mask;
      slots[s] = slot;
    }
  }

  /**
   * Eight bytes at a time, each word multiplied in and rotated, then a final mix: a pass over a
   * table's whole id column hashes millions of ids, and a byte at a time was most of that pass.
   */
  private static int hash(byte[] key, int from, int length) {
    long h = SEED ^ length;
    int i = from;
    int end = from + length;
    for (; i + 8 <= end; i += 8) h = step(h, (long) WORDS.get(key, i));
    long tail = 0;
    for (int shift = 0; i < end; i++, shift += 8) tail |= (key[i] & 0xffL) << shift;
    return finish(step(h, tail));
  }

  private static final long SEED = 0x9E3779B97F4A7C15L;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static long step(long h, long word) {
    return Long.rotateLeft(h ^ (word * 0xC2B2AE3D27D4EB4FL), 31) * SEED;
  }

  private static int finish(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (int) h ^ (int) (h >>> 32);
  }

  // Lookups of ASCII ids (most ids) read the string's characters, which are its UTF-8 bytes, rather
  // than encoding it first: the same hash, no copy.

  private static boolean ascii(String id) {
    for (int i = 0; i < id.length(); i++) if (id.charAt(i) >= 0x80) return false;
    return true;
  }

  private static int hashAscii(String id) {
    int length = id.length();
    long h = SEED ^ length;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      long word = 0;
      for (int k = 0; k < 8; k++) word |= (id.charAt(i + k) & 0xffL) << (8 * k);
      h = step(h, word);
    }
    long tail = 0;
    for (int shift = 0; i < length; i++, shift += 8) tail |= (id.charAt(i) & 0xffL) << shift;
    return finish(step(h, tail));
  }

  private boolean asciiAt(int n, String id) {
    int from = starts[n];
    int to = n + 1 < ids ? starts[n + 1] : used;
    if (to - from != id.length()) return false;
    for (int i = 0; i < id.length(); i++) if (bytes[from + i] != (byte) id.charAt(i)) return false;
    return true;
  }
}
