package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.server.OmniGraphServer;
import io.omnigraph.server.ServerSettings;
import io.omnigraph.server.UsersFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A server with a keystore speaks HTTPS; a client trusting its certificate connects, one that does not is refused. */
class ServerTlsTest {
  static final String STORE_PASSWORD = "store-pass";

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aServerWithAKeystoreServesHttpsToClientsThatTrustIt() throws Exception {
    Fixture.createLoaded(dir).close();
    Path users = dir.resolve("users");
    UsersFile.add(users, "alice", false, "pw".toCharArray());
    Path keystore = dir.resolve("server.p12");
    Path cert = dir.resolve("server.crt");
    Path truststore = dir.resolve("trust.p12");
    keytool("-genkeypair", "-alias", "omnigraph", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1");
    keytool("-exportcert", "-alias", "omnigraph", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
        "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "omnigraph", "-file", cert.toString(), "-storetype", "PKCS12",
        "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);

    ServerSettings settings = ServerSettings.of(dir.resolve("graph").toString(), 0, users).withHost("127.0.0.1")
        .withTls(keystore, STORE_PASSWORD);
    try (OmniGraphServer server = OmniGraphServer.start(settings)) {
      assertTrue(server.url().startsWith("https://"), server.url());
      String url = "jdbc:omnigraph:remote:https://127.0.0.1:" + server.port();
      Properties trusting = new Properties();
      trusting.setProperty("user", "alice");
      trusting.setProperty("password", "pw");
      trusting.setProperty("truststore", truststore.toString());
      trusting.setProperty("truststore_password", STORE_PASSWORD);
      try (Connection c = DriverManager.getConnection(url, trusting)) {
        assertEquals(4, Fixture.count(c, "Person"));
      }
      Properties untrusting = new Properties();
      untrusting.setProperty("user", "alice");
      untrusting.setProperty("password", "pw");
      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, untrusting));
      assertEquals("08001", e.getSQLState(), "an untrusted certificate stops the connection: " + e.getMessage());
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool finished");
    assertEquals(0, p.exitValue(), out);
  }
}
