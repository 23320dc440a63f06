package io.omnigraph.tests;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3-compatible server (s3proxy over a jclouds filesystem backend) on a loopback port, with
 * SigV4 authentication on, so that every request the engine and Lance make is signed and checked.
 * Its objects live in a directory the test owns.
 *
 * <p>s3proxy 2.6.0 ignores {@code If-None-Match} and {@code If-Match} on PUT (the engine's
 * S3ObjectStoreTest pins this), so what is proven on it is everything but the compare-and-swap
 * between processes, which {@link MotoServer} serves for.
 */
final class S3Server implements AutoCloseable {
  static final String ACCESS_KEY = "omnigraph-test";
  static final String SECRET_KEY = "omnigraph-test-secret";
  static final String BUCKET = "graphs";

  private final S3Proxy proxy;
  private final BlobStoreContext context;

  S3Server(Path directory) throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", directory.toString());
    context = ContextBuilder.newBuilder("filesystem").overrides(p).credentials("unused", "unused")
        .build(BlobStoreContext.class);
    BlobStore store = context.getBlobStore();
    store.createContainerInLocation(null, BUCKET);
    proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      Thread.sleep(10);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** {@code s3://graphs/<name>}. */
  String location(String name) {
    return "s3://" + BUCKET + "/" + name;
  }

  /** The connection properties that reach this server, as a URL query (no leading '?'). */
  String storageQuery() {
    return "storage.aws_endpoint=" + endpoint() + "&storage.aws_region=us-east-1&storage.allow_http=true"
        + "&storage.aws_access_key_id=" + ACCESS_KEY + "&storage.aws_secret_access_key=" + SECRET_KEY;
  }

  /** {@code jdbc:omnigraph:s3://graphs/<name>?<storage options>}. */
  String url(String name) {
    return "jdbc:omnigraph:" + location(name) + "?" + storageQuery();
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
    }
  }
}
