package io.omnigraph.engine.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.StorageOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph's small files on an S3-compatible server (s3proxy on loopback, SigV4 checked). */
class S3ObjectStoreTest {
  @TempDir static Path dir;
  private static BlobStoreContext context;
  private static S3Proxy proxy;

  @BeforeAll
  static void start() throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", dir.toString());
    context = ContextBuilder.newBuilder("filesystem").overrides(p).credentials("unused", "unused").build(BlobStoreContext.class);
    context.getBlobStore().createContainerInLocation(null, "bkt");
    proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "key", "secret").build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) Thread.sleep(10);
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.stop();
    context.close();
  }

  private static Map<String, String> options() {
    Map<String, String> o = new HashMap<>();
    o.put("aws_endpoint", "http://127.0.0.1:" + proxy.getPort());
    o.put("allow_http", "true");
    o.put("aws_access_key_id", "key");
    o.put("aws_secret_access_key", "secret");
    return o;
  }

  private static S3ObjectStore store(String prefix) {
    return new S3ObjectStore("s3://bkt/" + prefix, new StorageOptions(options()));
  }

  @Test
  void filesAreWrittenReadListedAndDeletedUnderThePrefix() {
    try (S3ObjectStore s = store("g1/")) {
      assertEquals("s3://bkt/g1", s.root());
      assertEquals("s3://bkt/g1/__manifest", s.uri("__manifest"));
      assertEquals(Optional.empty(), s.read("_schema.pg"));
      assertFalse(s.exists("__recovery"));
      s.write("_schema.pg", "node A { x: I32 }");
      s.write("__recovery/b.json", "{}");
      s.write("__recovery/a.json", "{\"ü\":1}");
      s.write("__recovery/sub/c.json", "{}");
      assertEquals(Optional.of("node A { x: I32 }"), s.read("_schema.pg"));
      assertEquals(Optional.of("{\"ü\":1}"), s.read("__recovery/a.json"));
      assertTrue(s.exists("__recovery"), "a prefix with objects under it exists, as a directory does");
      assertEquals(List.of("a.json", "b.json", "sub"), s.list("__recovery"));
      assertEquals(List.of(), s.list("nothing"));
      s.write("_schema.pg", "replaced");
      assertEquals(Optional.of("replaced"), s.read("_schema.pg"));
      s.delete("__recovery/a.json");
      s.delete("__recovery/never-there.json");
      assertEquals(List.of("b.json", "sub"), s.list("__recovery"));
      assertTrue(s.createExclusive("__init_claim.json", "{}"));
    }
    try (S3ObjectStore other = store("g2")) {
      assertFalse(other.exists("_schema.pg"), "another prefix is another graph");
    }
  }

  @Test
  void listingsSpanPages() {
    try (S3ObjectStore s = store("paged")) {
      for (int i = 0; i < 1005; i++) s.write("many/" + String.format("%04d", i) + ".json", "{}");
      List<String> names = s.list("many");
      assertEquals(1005, names.size());
      assertEquals("1004.json", names.get(1004));
    }
  }

  /** What the documentation says of s3proxy 2.6.0; if this starts failing, s3proxy learned conditional writes. */
  @Test
  void s3proxyAcceptsACreateIfAbsentOfAnExistingObject() {
    try (S3ObjectStore s = store("probe")) {
      assertFalse(s.honoursConditionalWrites());
    }
  }

  @Test
  void wrongCredentialsAreRefusedAsAnUnreachableStore() {
    Map<String, String> o = options();
    o.put("aws_secret_access_key", "wrong");
    try (S3ObjectStore s = new S3ObjectStore("s3://bkt/g", new StorageOptions(o))) {
      OmniGraphException e = assertThrows(OmniGraphException.class, () -> s.read("_schema.pg"));
      assertEquals(ErrorKind.STORE_UNREACHABLE, e.kind());
      assertTrue(e.getMessage().contains("s3://bkt/g"), e.getMessage());
    }
  }

  @Test
  void plainHttpNeedsToBeAllowed() {
    Map<String, String> o = options();
    o.remove("allow_http");
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> new S3ObjectStore("s3://bkt/g", new StorageOptions(o)));
    assertEquals(ErrorKind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains("allow_http"), e.getMessage());
  }

  @Test
  void theLeaseOptionIsTheEnginesAndNeverReachesLance() {
    Map<String, String> o = options();
    o.put("lock_lease_seconds", "5");
    o.put("aws_secret_access_key", "do-not-print-me");
    StorageOptions options = new StorageOptions(o);
    assertFalse(options.lance().containsKey("lock_lease_seconds"));
    assertEquals("do-not-print-me", options.lance().get("aws_secret_access_key"));
    assertFalse(options.toString().contains("do-not-print-me"), "option values (credentials) are never printed");
  }
}
