package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code omnigraph users add} and {@code omnigraph serve}, each its own JVM, as an operator runs them. */
class ServeProcessTest {
  @TempDir
  Path dir;

  @Test
  void usersAddStoresASaltedHashAndServeListensForThoseUsers() throws Exception {
    Fixture.createLoaded(dir).close();
    Path users = dir.resolve("users.txt");
    assertEquals(0, usersAdd(users, "alice", "correct horse", false));
    assertEquals(0, usersAdd(users, "reader", "battery staple", true));
    assertEquals(0, usersAdd(users, "carol", "first", false));
    assertEquals(0, usersAdd(users, "carol", "second", false), "adding again replaces");
    String file = Files.readString(users);
    assertFalse(file.contains("correct horse") || file.contains("battery staple") || file.contains("second"),
        "no password in the file: " + file);
    List<String> lines = file.lines().toList();
    assertEquals(3, lines.size(), file);
    assertTrue(lines.get(0).startsWith("alice:read-write:pbkdf2-sha256$"), lines.get(0));
    assertTrue(lines.get(1).startsWith("reader:read-only:pbkdf2-sha256$"), lines.get(1));
    assertTrue(!lines.get(0).split("\\$")[2].equals(lines.get(2).split("\\$")[2]), "each user has its own salt");

    Process serve = omnigraph("serve", dir.resolve("graph").toString(), "--port", "0", "--host", "127.0.0.1",
        "--users", users.toString(), "--idle-timeout", "60").redirectError(dir.resolve("serve.err").toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).get(180, TimeUnit.SECONDS);
      assertNotNull(line, () -> "serve printed no line; its stderr: " + read(dir.resolve("serve.err")));
      Matcher port = Pattern.compile("listening on port (\\d+)").matcher(line);
      assertTrue(port.find(), line);
      String url = "jdbc:omnigraph:remote:http://127.0.0.1:" + port.group(1);

      try (Connection c = DriverManager.getConnection(url, credentials("alice", "correct horse"));
          Statement s = c.createStatement()) {
        assertEquals(1, s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Served', 44)"));
        assertEquals(List.of("alice"), Fixture.strings(c,
            "SELECT actor_id FROM _graph_commits ORDER BY created_at DESC LIMIT 1"));
      }
      try (Connection c = DriverManager.getConnection(url, credentials("reader", "battery staple"));
          Statement s = c.createStatement()) {
        assertEquals(List.of("Served"), Fixture.strings(c, "SELECT name FROM Person WHERE name = 'Served'"));
        assertEquals("42501", assertThrows(SQLException.class,
            () -> s.executeUpdate("DELETE FROM Person WHERE name = 'Served'")).getSQLState());
      }
      assertEquals("28000", assertThrows(SQLException.class,
          () -> DriverManager.getConnection(url, credentials("carol", "first"))).getSQLState(), "the old password is gone");
      DriverManager.getConnection(url, credentials("carol", "second")).close();
    } finally {
      serve.destroy();
      assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve stops on SIGTERM");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static Properties credentials(String user, String password) {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return p;
  }

  private int usersAdd(Path file, String name, String password, boolean readOnly) throws Exception {
    List<String> args = new ArrayList<>(List.of("users", "add", file.toString(), name));
    if (readOnly) args.add("--read-only");
    Process p = omnigraph(args.toArray(String[]::new)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return p.exitValue();
  }

  private ProcessBuilder omnigraph(String... args) throws IOException {
    return new ProcessBuilder(CliCommand.of(dir, args));
  }
}
