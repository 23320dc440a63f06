package io.omnigraph.server;

import io.omnigraph.calcite.SqlState;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the HTTP Basic credentials of every request against a {@link UsersFile}. PBKDF2 is slow on
 * purpose (a tenth of a second), too slow for every request: once a password has matched its
 * hash, a SHA-256 of the credentials is kept in memory and later requests compare against that, in
 * constant time as well.
 */
final class Authenticator {
  private static final String BASIC = "Basic ";

  private final UsersFile users;
  /** Hashed in place of an unknown user's, so that a wrong name costs as long as a wrong password. */
  private final PasswordHash decoy = PasswordHash.of("decoy".toCharArray(), new SecureRandom());
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

  Authenticator(UsersFile users) {
    this.users = users;
  }

  /**
   * The user an {@code Authorization} header names, or null when there is no header (the client
   * has not yet been asked for credentials).
   *
   * @throws SQLException 28000 for malformed credentials, an unknown user or a wrong password
   */
  User authenticate(String authorization) throws SQLException {
    if (authorization == null || authorization.isBlank()) return null;
    if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      throw refused("only HTTP Basic authentication is accepted");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim());
    } catch (IllegalArgumentException e) {
      throw refused("malformed Basic credentials");
    }
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(decoded));
    char[] credentials = Arrays.copyOf(chars.array(), chars.limit());
    Arrays.fill(decoded, (byte) 0);
    try {
      int colon = indexOf(credentials, ':');
      if (colon < 0) throw refused("malformed Basic credentials");
      String name = new String(credentials, 0, colon);
      char[] password = Arrays.copyOfRange(credentials, colon + 1, credentials.length);
      try {
        return check(name, password, digest(credentials));
      } finally {
        Arrays.fill(password, '\0');
      }
    } finally {
      Arrays.fill(credentials, '\0');
    }
  }

  private User check(String name, char[] password, byte[] digest) throws SQLException {
    UsersFile.Entry entry = users.entry(name);
    if (entry == null) {
      decoy.matches(password);
      throw refused("unknown user or wrong password");
    }
    byte[] known = verified.get(name);
    if (known != null && MessageDigest.isEqual(known, digest)) return entry.user();
    if (!entry.hash().matches(password)) throw refused("unknown user or wrong password");
    verified.put(name, digest);
    return entry.user();
  }

  private static SQLException refused(String why) {
    return SqlState.INVALID_AUTHORIZATION.exception("authentication failed: " + why);
  }

  private static int indexOf(char[] chars, char c) {
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == c) return i;
    }
    return -1;
  }

  private static byte[] digest(char[] credentials) {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(credentials));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK offers no SHA-256", e);
    } finally {
      if (bytes.hasArray()) Arrays.fill(bytes.array(), (byte) 0);
    }
  }
}
