package io.omnigraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
  @TempDir
  static Path dir;
  static Path file;
  static Authenticator authenticator;

  @BeforeAll
  static void users() throws IOException {
    file = dir.resolve("users");
    UsersFile.add(file, "alice", false, "wonder land".toCharArray());
    UsersFile.add(file, "reader", true, "p:with:colons".toCharArray());
    authenticator = new Authenticator(UsersFile.read(file));
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theRightPasswordNamesTheUserAndItsAccess() throws SQLException {
    assertEquals(new User("alice", false), authenticator.authenticate(basic("alice", "wonder land")));
    assertEquals(new User("alice", false), authenticator.authenticate(basic("alice", "wonder land")), "again, from memory");
    assertEquals(new User("reader", true), authenticator.authenticate(basic("reader", "p:with:colons")));
  }

  @Test
  void wrongPasswordsUnknownUsersAndMalformedHeadersFailWith28000() {
    for (String header : new String[] {basic("alice", "wonder"), basic("alice", "wonder land "), basic("bob", "x"),
        basic("reader", "p"), "Basic !!!", "Bearer abc", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())}) {
      SQLException e = assertThrows(SQLException.class, () -> authenticator.authenticate(header), header);
      assertEquals("28000", e.getSQLState(), header);
    }
  }

  @Test
  void aRequestWithoutCredentialsIsAskedForThem() throws SQLException {
    assertNull(authenticator.authenticate(null));
    assertNull(authenticator.authenticate(""));
  }

  @Test
  void theFileHoldsSaltedHashesAndNoPassword() throws IOException {
    String text = Files.readString(file);
    assertFalse(text.contains("wonder land") || text.contains("p:with:colons"), text);
    UsersFile.Entry alice = UsersFile.read(file).entry("alice");
    assertTrue(alice.hash().matches("wonder land".toCharArray()));
    assertFalse(alice.hash().matches("wonder lanD".toCharArray()));
  }

  @Test
  void badNamesAndDamagedLinesAreRefused() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> UsersFile.add(dir.resolve("other"), "a:b", false, "x".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> UsersFile.add(dir.resolve("other"), "ok", false, new char[0]));
    Path damaged = Files.writeString(dir.resolve("damaged"), "alice:admin:pbkdf2-sha256$1$AA$AA\n");
    IOException e = assertThrows(IOException.class, () -> UsersFile.read(damaged));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }
}
