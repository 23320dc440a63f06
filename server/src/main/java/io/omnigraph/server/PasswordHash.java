package io.omnigraph.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2 (HMAC-SHA256) hash of a password, as a users file stores it:
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, salt and hash in Base64.
 */
record PasswordHash(int iterations, byte[] salt, byte[] hash) {
  static final String SCHEME = "pbkdf2-sha256";
  static final int DEFAULT_ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  /** A new hash of {@code password} with a fresh random salt. */
  static PasswordHash of(char[] password, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new PasswordHash(DEFAULT_ITERATIONS, salt, derive(password, salt, DEFAULT_ITERATIONS));
  }

  /** True when {@code password} hashes to this hash; the comparison takes the same time wherever they differ. */
  boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  String encoded() {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /** Parses {@link #encoded()}; throws IllegalArgumentException on anything else. */
  static PasswordHash parse(String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException("not a " + SCHEME + " password hash");
    }
    int iterations = Integer.parseInt(parts[1]);
    if (iterations < 1) throw new IllegalArgumentException("iteration count must be positive");
    Base64.Decoder b64 = Base64.getDecoder();
    return new PasswordHash(iterations, b64.decode(parts[2]), b64.decode(parts[3]));
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
