package io.omnigraph.engine.storage.s3;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.storage.StorageOptions;
import io.omnigraph.engine.storage.StoreLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lock leases on a store that honours conditional PUTs: moto's S3 server in a Python process,
 * single-threaded so that its check-then-write is atomic. (s3proxy 2.6.0 ignores the conditions on
 * PUT, so every lock would be granted there.) Skipped, saying why, without python3 and moto.
 */
class S3LeasesTest {
  private static Process moto;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    Process probe;
    try {
      probe = new ProcessBuilder("python3", "-c", "import moto.server, werkzeug").redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not installed: " + e.getMessage());
      return;
    }
    Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
        "python3 with moto[server] is not installed");
    Path script = Path.of(S3LeasesTest.class.getResource("/s3/moto_server.py").toURI());
    moto = new ProcessBuilder("python3", script.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String line = new BufferedReader(new InputStreamReader(moto.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertTrue(line != null && line.startsWith("listening "), "moto started: " + line);
    port = Integer.parseInt(line.substring("listening ".length()).trim());
    HttpResponse<String> bucket = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bkt"))
        .PUT(HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(bucket.statusCode() / 100 == 2, bucket.body());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (moto != null) {
      moto.destroy();
      moto.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** A store as another process would hold it: its own client, its own leases. */
  private static S3ObjectStore process(String leaseSeconds) {
    return new S3ObjectStore("s3://bkt/g", new StorageOptions(Map.of("aws_endpoint", "http://127.0.0.1:" + port,
        "allow_http", "true", "aws_access_key_id", "k", "aws_secret_access_key", "s", "lock_lease_seconds", leaseSeconds)));
  }

  @Test
  void theStoreHonoursConditionalWrites() {
    try (S3ObjectStore a = process("30")) {
      assertTrue(a.honoursConditionalWrites());
      assertTrue(a.createExclusive("claim.json", "{}"));
      assertFalse(a.createExclusive("claim.json", "{}"), "a second create of the same object is refused");
    }
  }

  @Test
  void aHeldLockIsRefusedToOthersUntilReleased() {
    try (S3ObjectStore a = process("30"); S3ObjectStore b = process("30")) {
      Optional<StoreLock> held = a.tryLock("__locks/branch-main.lock");
      assertTrue(held.isPresent());
      assertFalse(b.tryLock("__locks/branch-main.lock").isPresent(), "held by a live holder");
      assertFalse(a.tryLock("__locks/branch-main.lock").isPresent(), "not reentrant, as a file lock is not");
      held.get().close();
      Optional<StoreLock> next = b.tryLock("__locks/branch-main.lock");
      assertTrue(next.isPresent(), "released, so free");
      next.get().close();
    }
  }

  @Test
  void aRenewedLeaseOutlivesItsDurationAndAnAbandonedOneIsTakenOver() throws Exception {
    S3ObjectStore a = process("1");
    try (S3ObjectStore b = process("1")) {
      assertTrue(a.tryLock("__recovery/op.lock").isPresent());
      Thread.sleep(3500);
      assertFalse(b.tryLock("__recovery/op.lock").isPresent(), "its holder renews it");
      a.close(); // renewal stops, the lease stays in the store: a holder that died
      Thread.sleep(3500);
      Optional<StoreLock> taken = b.tryLock("__recovery/op.lock");
      assertTrue(taken.isPresent(), "a lease unrenewed for longer than its duration is taken over");
      try (S3ObjectStore c = process("1")) {
        assertFalse(c.tryLock("__recovery/op.lock").isPresent(), "and is then held by its new holder");
      }
      taken.get().close();
    }
  }
}
