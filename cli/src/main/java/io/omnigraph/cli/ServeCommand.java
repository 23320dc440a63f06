package io.omnigraph.cli;

import io.omnigraph.server.OmniGraphServer;
import io.omnigraph.server.ServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code omnigraph serve}: the graph over HTTP for {@code jdbc:omnigraph:remote:} clients (docs/server.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the graph at <location> to remote JDBC clients until stopped (Ctrl-C or SIGTERM).",
        "Prints one line with 'listening' and the port once clients can connect."})
final class ServeCommand implements Callable<Integer> {
  static final String KEYSTORE_PASSWORD_ENV = "OMNIGRAPH_TLS_KEYSTORE_PASSWORD";

  @Spec
  CommandSpec spec;

  @Mixin
  GraphLocation location;

  @Option(names = "--port", required = true, paramLabel = "<port>", description = "the port to listen on (0: any free one)")
  int port;

  @Option(names = "--host", paramLabel = "<address>", defaultValue = "0.0.0.0",
      description = "the address to listen on (default ${DEFAULT-VALUE}; 127.0.0.1 for this machine only)")
  String host;

  @Option(names = "--users", required = true, paramLabel = "<file>", description = "the users file (omnigraph users add)")
  Path users;

  @Option(names = "--tls-keystore", paramLabel = "<file>",
      description = "serve HTTPS with the key and certificate in this PKCS12 or JKS keystore; its password comes from "
          + "--tls-keystore-password-file or the environment variable " + KEYSTORE_PASSWORD_ENV)
  Path keystore;

  @Option(names = "--tls-keystore-password-file", paramLabel = "<file>", description = "a file holding the keystore's password")
  Path keystorePasswordFile;

  @Option(names = "--idle-timeout", paramLabel = "<seconds>", defaultValue = "600",
      description = "close a client connection silent this long, rolling back its open transaction (default ${DEFAULT-VALUE})")
  long idleSeconds;

  @Override
  public Integer call() throws Exception {
    if (idleSeconds < 1) throw new ParameterException(spec.commandLine(), "--idle-timeout must be at least 1 second");
    ServerSettings settings;
    try {
      settings = new ServerSettings(location.value, host, port, users, null, null, Duration.ofSeconds(idleSeconds));
      if (keystore != null) settings = settings.withTls(keystore, keystorePassword());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    OmniGraphServer server = OmniGraphServer.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("omnigraph: stopping the server failed: " + e.getMessage());
      }
    }, "omnigraph-serve-shutdown"));
    spec.commandLine().getOut().println("omnigraph: serving " + location.value + ", listening on port " + server.port()
        + " (jdbc:omnigraph:remote:" + server.url() + ")");
    spec.commandLine().getOut().flush();
    server.join();
    return 0;
  }

  private String keystorePassword() throws IOException {
    if (keystorePasswordFile != null) return Files.readString(keystorePasswordFile, StandardCharsets.UTF_8).strip();
    String fromEnv = System.getenv(KEYSTORE_PASSWORD_ENV);
    if (fromEnv == null) {
      throw new ParameterException(spec.commandLine(), "--tls-keystore needs its password: --tls-keystore-password-file <file> or "
          + KEYSTORE_PASSWORD_ENV);
    }
    return fromEnv;
  }
}
