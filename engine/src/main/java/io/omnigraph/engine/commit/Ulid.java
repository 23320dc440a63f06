package io.omnigraph.engine.commit;

import java.security.SecureRandom;

/**
 * Generates ULIDs: 26 Crockford base-32 characters, time-ordered. Monotonic within a millisecond
 * per generator so ids made by one process sort in creation order.
 */
public final class Ulid {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private long randHi;
  private long randLo;

  public synchronized String next() {
    long now = System.currentTimeMillis();
    if (now == lastMillis) {
      randLo = (randLo + 1) & 0xFF_FFFF_FFFFL;
      if (randLo == 0) randHi = (randHi + 1) & 0xFF_FFFF_FFFFL;
    } else {
      lastMillis = now;
      randHi = random.nextLong() & 0xFF_FFFF_FFFFL;
      randLo = random.nextLong() & 0xFF_FFFF_FFFFL;
    }
    char[] out = new char[26];
    long t = now;
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (t & 31)];
      t >>>= 5;
    }
    encode40(randHi, out, 10);
    encode40(randLo, out, 18);
    return new String(out);
  }

  private static void encode40(long v, char[] out, int at) {
    for (int i = 7; i >= 0; i--) {
      out[at + i] = ALPHABET[(int) (v & 31)];
      v >>>= 5;
    }
  }
}
