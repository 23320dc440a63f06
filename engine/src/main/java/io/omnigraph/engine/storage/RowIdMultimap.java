package io.omnigraph.engine.storage;

import java.util.function.LongConsumer;

/**
 * 64-bit key hashes mapped to stable row ids, open addressing over two primitive arrays (16 bytes a
 * slot, at most half full). A hash may map to several row ids: an updated row keeps its key under a
 * new row id, and two keys may share a hash. Callers therefore treat what {@link #forEach} yields as
 * candidates to check, never as answers. Not thread-safe.
 */
final class RowIdMultimap {
  private static final long EMPTY = 0;

  private long[] hashes = new long[1024];
  private long[] rowIds = new long[1024];
  private int size;

  /** The hash {@link #put} and {@link #forEach} expect for a key, given as its UTF-8 bytes. */
  static long hash(byte[] key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    // Spreads the low bits, which pick the slot (MurmurHash3's finalizer).
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == EMPTY ? 1 : h;
  }

  /** Adds the pair unless it is already present. */
  void put(long hash, long rowId) {
    if ((size + 1) * 2L > hashes.length) grow();
    int mask = hashes.length - 1;
    for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
      if (hashes[i] == EMPTY) {
        hashes[i] = hash;
        rowIds[i] = rowId;
        size++;
        return;
      }
      if (hashes[i] == hash && rowIds[i] == rowId) return;
    }
  }

  /** Every row id stored under {@code hash}. */
  void forEach(long hash, LongConsumer out) {
    int mask = hashes.length - 1;
    for (int i = (int) hash & mask; hashes[i] != EMPTY; i = (i + 1) & mask) {
      if (hashes[i] == hash) out.accept(rowIds[i]);
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[] oldRowIds = rowIds;
    hashes = new long[oldHashes.length * 2];
    rowIds = new long[oldHashes.length * 2];
    size = 0;
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != EMPTY) put(oldHashes[i], oldRowIds[i]);
    }
  }
}
