package io.omnigraph.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * moto's S3 server in a Python process on a loopback port. Unlike s3proxy 2.6.0 it honours
 * {@code If-None-Match: *} and {@code If-Match} on PUT, which the manifest's compare-and-swap and
 * the lock leases need; it runs single-threaded, because moto checks the condition and writes in
 * two steps. Tests that need it are skipped, saying why, where Python or moto is not installed.
 */
final class MotoServer implements AutoCloseable {
  static final String BUCKET = "graphs";

  private final Process process;
  private final int port;

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static MotoServer start(Path dir) throws Exception {
    Process probe;
    try {
      probe = new ProcessBuilder("python3", "-c", "import moto.server, werkzeug").redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("python3 is not installed: " + e.getMessage());
      throw e;
    }
    Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
        "python3 with moto[server] is not installed");
    Path script = Path.of(MotoServer.class.getResource("/s3/moto_server.py").toURI());
    ProcessBuilder pb = new ProcessBuilder("python3", script.toString());
    pb.redirectError(dir.resolve("moto.err").toFile());
    Process p = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("listening ")) {
      p.destroyForcibly();
      throw new IllegalStateException("moto did not start: " + line);
    }
    MotoServer server = new MotoServer(p, Integer.parseInt(line.substring("listening ".length()).trim()));
    server.createBucket();
    return server;
  }

  /** moto accepts any signature; the bucket still has to exist. */
  private void createBucket() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(endpoint() + "/" + BUCKET)).PUT(HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=0")
            .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) throw new IllegalStateException("cannot create the bucket: " + r.statusCode() + " " + r.body());
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code jdbc:omnigraph:s3://graphs/<name>?<storage options>}. */
  String url(String name) {
    return "jdbc:omnigraph:s3://" + BUCKET + "/" + name + "?storage.aws_endpoint=" + endpoint()
        + "&storage.aws_region=us-east-1&storage.allow_http=true&storage.aws_access_key_id=test"
        + "&storage.aws_secret_access_key=test";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
  }
}
