package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the driver, opening and creating graphs, and every way a connection is refused. */
class ConnectTest {
  @TempDir Path dir;

  @Test
  void theDriverIsFoundThroughServiceLoaderAndDriverManager() throws SQLException {
    boolean listed = ServiceLoader.load(Driver.class).stream()
        .anyMatch(p -> p.type().getName().equals("io.omnigraph.jdbc.OmniGraphDriver"));
    assertTrue(listed, "META-INF/services/java.sql.Driver names the driver");
    Driver driver = DriverManager.getDriver("jdbc:omnigraph:/anywhere");
    assertEquals("io.omnigraph.jdbc.OmniGraphDriver", driver.getClass().getName());
    List<String> names = Arrays.stream(driver.getPropertyInfo("jdbc:omnigraph:/g", new Properties()))
        .map(p -> p.name).toList();
    assertTrue(names.containsAll(List.of("branch", "snapshot", "actor", "create", "schema", "readOnly")), names.toString());
    DriverPropertyInfo branch = Arrays.stream(driver.getPropertyInfo("jdbc:omnigraph:/g?branch=x", null))
        .filter(p -> p.name.equals("branch")).findFirst().orElseThrow();
    assertEquals("x", branch.value);
  }

  @Test
  void aLocationWithoutAGraphSaysHowToCreateOne() {
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(Fixture.url(dir)));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("create=true&schema=<file.pg>"), e.getMessage());
  }

  @Test
  void aSchemaThatDoesNotCompileIs42000NamingTheFileAndCreatesNothing() throws Exception {
    java.nio.file.Path schema = java.nio.file.Files.writeString(dir.resolve("broken.pg"), "node Person {\n  name: Strng @key\n}\n");
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(Fixture.url(dir) + "?create=true&schema=" + schema));
    assertEquals("42000", e.getSQLState(), e.toString());
    assertTrue(e.getMessage().contains(schema.toString()), e.getMessage());
    assertEquals("08001", assertThrows(SQLException.class, () -> DriverManager.getConnection(Fixture.url(dir))).getSQLState(),
        "no graph was created");
  }

  @Test
  void createWithoutASchemaIsRefused() {
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(Fixture.url(dir) + "?create=true"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("schema="), e.getMessage());
  }

  @Test
  void unknownBranchOrSnapshotAtConnectAreClass08NamingThem() throws SQLException {
    try (Connection c = Fixture.createEmpty(dir)) {
      SQLException branch = assertThrows(SQLException.class, () -> Fixture.connect(dir, "branch=nowhere"));
      assertTrue(branch.getSQLState().startsWith("08"), branch.getSQLState());
      assertTrue(branch.getMessage().contains("nowhere"), branch.getMessage());
      SQLException snapshot = assertThrows(SQLException.class, () -> Fixture.connect(dir, "snapshot=01NOSUCHCOMMIT"));
      assertTrue(snapshot.getSQLState().startsWith("08"), snapshot.getSQLState());
      assertTrue(snapshot.getMessage().contains("01NOSUCHCOMMIT"), snapshot.getMessage());
    }
  }

  @Test
  void connectionsToOneLocationShareTheGraph() throws SQLException {
    try (Connection first = Fixture.createLoaded(dir)) {
      Connection second = DriverManager.getConnection(dir.resolve("graph").toUri().toString().replace("file:", "jdbc:omnigraph:file:"));
      try (Statement s = second.createStatement()) {
        s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      }
      assertEquals(5, Fixture.count(first, "Person"), "a commit on one connection is visible to the next query of another");
      second.close();
      assertTrue(second.isClosed());
      assertEquals(5, Fixture.count(first, "Person"), "closing one connection leaves the shared graph open");
      assertFalse(second.isValid(1));
      assertEquals("08003", assertThrows(SQLException.class, second::createStatement).getSQLState());
    }
  }

  @Test
  void callerPropertiesWinOverTheUrlAndUnknownPropertiesWarn() throws SQLException {
    try (Connection setup = Fixture.createLoaded(dir)) {
      Properties p = new Properties();
      p.setProperty("branch", "main");
      try (Connection c = DriverManager.getConnection(Fixture.url(dir) + "?branch=nowhere&colour=blue", p)) {
        assertEquals(4, Fixture.count(c, "Person"));
        SQLWarning w = c.getWarnings();
        assertNotNull(w);
        assertTrue(w.getMessage().contains("colour"), w.getMessage());
        c.clearWarnings();
        assertEquals(null, c.getWarnings());
      }
    }
  }

  @Test
  void aJvmWithoutTheAddOpensFlagIsToldWhichFlagToAdd() throws Exception {
    try (Connection c = Fixture.createEmpty(dir)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ConnectWithoutJvmFlag.class.getName(), Fixture.url(dir)).redirectErrorStream(true).start();
      String out = readAll(p);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertTrue(out.contains("08001"), out);
      assertTrue(out.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), out);
    }
  }

  @Test
  void aDriverWithoutThisPlatformsNativeLibrarySaysWhichJarToUse() throws Exception {
    try (Connection c = Fixture.createEmpty(dir)) {
      List<String> classPath = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classPath.add(entry.contains("lance-core") ? withoutNativeLibraries(Path.of(entry)).toString() : entry);
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "-cp", String.join(File.pathSeparator, classPath),
          ConnectWithoutJvmFlag.class.getName(), Fixture.url(dir)).redirectErrorStream(true).start();
      String out = readAll(p);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertTrue(out.startsWith("08001 the driver jar holds no Lance native library for this platform"), out);
      assertTrue(out.contains("/nativelib/") && out.contains("bundle jar for this platform"), out);
    }
  }

  /** A copy of the lance-core jar without its nativelib/ directory, as a bundle for another platform has it. */
  private Path withoutNativeLibraries(Path jar) throws IOException {
    Path copy = dir.resolve("lance-core-no-native.jar");
    try (ZipFile in = new ZipFile(jar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
      for (ZipEntry e : Collections.list(in.entries())) {
        if (e.getName().startsWith("nativelib/")) continue;
        out.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream data = in.getInputStream(e)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return copy;
  }

  private static String readAll(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
