package io.omnigraph.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code omnigraph serve} was asked for.
 *
 * @param location the graph's location, as in a {@code jdbc:omnigraph:} URL
 * @param host the address to listen on (for example {@code 0.0.0.0}, or {@code 127.0.0.1} for this machine only)
 * @param port the port to listen on; 0 picks a free one
 * @param users the users file ({@link UsersFile})
 * @param tlsKeystore a PKCS12 or JKS keystore holding the server's key and certificate, or null for plain HTTP
 * @param tlsKeystorePassword the keystore's password, or null
 * @param idleTimeout how long a remote connection may stay silent before the server closes it and
 *     rolls back its open transaction
 */
public record ServerSettings(String location, String host, int port, Path users, Path tlsKeystore,
    String tlsKeystorePassword, Duration idleTimeout) {
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

  public ServerSettings {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
    if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
    if (tlsKeystore != null && tlsKeystorePassword == null) {
      throw new IllegalArgumentException("a TLS keystore needs its password");
    }
  }

  /** Plain HTTP on {@code port} of every address, default idle timeout. */
  public static ServerSettings of(String location, int port, Path users) {
    return new ServerSettings(location, "0.0.0.0", port, users, null, null, DEFAULT_IDLE_TIMEOUT);
  }

  public ServerSettings withHost(String newHost) {
    return new ServerSettings(location, newHost, port, users, tlsKeystore, tlsKeystorePassword, idleTimeout);
  }

  public ServerSettings withIdleTimeout(Duration timeout) {
    return new ServerSettings(location, host, port, users, tlsKeystore, tlsKeystorePassword, timeout);
  }

  public ServerSettings withTls(Path keystore, String password) {
    return new ServerSettings(location, host, port, users, keystore, password, idleTimeout);
  }

  boolean tls() {
    return tlsKeystore != null;
  }
}
