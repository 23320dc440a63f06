package io.omnigraph.engine.storage.s3;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.ObjectStore;
import io.omnigraph.engine.storage.StorageOptions;
import io.omnigraph.engine.storage.StoreLock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@link ObjectStore} on an S3-compatible bucket under a key prefix. Whole-object PUTs are atomic
 * on S3, so {@link #write} needs no temporary object; {@link #createExclusive} and the lock leases
 * rely on the store honouring conditional PUTs ({@code If-None-Match: *}, {@code If-Match}), as
 * AWS S3 does.
 */
public final class S3ObjectStore implements ObjectStore {
  /** Storage option (consumed by the engine, not passed to Lance): seconds a lock lease lasts unrenewed. */
  public static final String LEASE_SECONDS = "lock_lease_seconds";
  private static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(S3ObjectStore.class);

  private final S3Location location;
  private final S3Client client;
  private final S3Leases leases;
  private final java.util.concurrent.atomic.AtomicBoolean probed = new java.util.concurrent.atomic.AtomicBoolean();

  public S3ObjectStore(String location, StorageOptions options) {
    this.location = S3Location.parse(location);
    this.client = new S3Client(this.location, options);
    Duration lease = options.get(LEASE_SECONDS).map(s -> Duration.ofMillis((long) (Double.parseDouble(s) * 1000)))
        .orElse(DEFAULT_LEASE);
    this.leases = new S3Leases(client, this.location, lease);
  }

  @Override
  public String root() {
    return location.root();
  }

  @Override
  public String uri(String relativePath) {
    return location.uri(relativePath);
  }

  @Override
  public Optional<String> read(String relativePath) {
    S3Client.Response r = client.get(location.key(relativePath));
    if (r.status() == 404) return Optional.empty();
    if (!r.ok()) throw failed("read", relativePath, r);
    return Optional.of(r.text());
  }

  @Override
  public void write(String relativePath, String content) {
    S3Client.Response r = client.put(location.key(relativePath), content.getBytes(StandardCharsets.UTF_8), Map.of());
    if (!r.ok()) throw failed("write", relativePath, r);
  }

  @Override
  public boolean createExclusive(String relativePath, String content) {
    S3Client.Response r = client.put(location.key(relativePath), content.getBytes(StandardCharsets.UTF_8),
        Map.of("If-None-Match", "*"));
    if (r.ok()) return true;
    // 409: another conditional write of the same key is in flight, and one of the two will lose.
    if (r.status() == 412 || r.status() == 409) return false;
    throw failed("create", relativePath, r);
  }

  /** A file, or a directory: any object under {@code relativePath/}. */
  @Override
  public boolean exists(String relativePath) {
    S3Client.Response r = client.head(location.key(relativePath));
    if (r.ok()) return true;
    if (r.status() != 404) throw failed("look up", relativePath, r);
    return !names(relativePath, 1).isEmpty();
  }

  @Override
  public void delete(String relativePath) {
    S3Client.Response r = client.delete(location.key(relativePath));
    if (!r.ok() && r.status() != 404) throw failed("delete", relativePath, r);
  }

  @Override
  public List<String> list(String relativeDir) {
    return names(relativeDir, 1000);
  }

  private List<String> names(String relativeDir, int pageSize) {
    String prefix = location.key(relativeDir) + "/";
    TreeSet<String> names = new TreeSet<>();
    String continuation = null;
    do {
      S3Client.Response r = client.list(prefix, continuation, pageSize);
      if (!r.ok()) throw failed("list", relativeDir, r);
      Document doc = parse(r.body(), relativeDir);
      for (String key : texts(doc, "Key")) names.add(key.substring(prefix.length()));
      for (String p : texts(doc, "Prefix")) {
        if (p.length() > prefix.length()) names.add(p.substring(prefix.length(), p.length() - 1));
      }
      List<String> truncated = texts(doc, "IsTruncated");
      List<String> next = texts(doc, "NextContinuationToken");
      continuation = pageSize > 1 && !truncated.isEmpty() && "true".equals(truncated.get(0)) && !next.isEmpty()
          ? next.get(0) : null;
    } while (continuation != null);
    names.removeIf(n -> n.isEmpty() || n.startsWith("."));
    return new ArrayList<>(names);
  }

  private Document parse(byte[] xml, String relativeDir) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot read the listing of " + relativeDir + " in " + root() + ": " + e.getMessage(), e);
    }
  }

  private static List<String> texts(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
    return out;
  }

  @Override
  public Optional<StoreLock> tryLock(String relativePath) {
    if (probed.compareAndSet(false, true) && !honoursConditionalWrites()) {
      LOG.warn("the object store of {} ignores conditional writes (If-None-Match): two processes writing this graph"
          + " at once can lose commits; write from one process only", root());
    }
    return leases.tryLock(relativePath);
  }

  /**
   * Whether a create-if-absent of an object that exists is refused, as on AWS S3. Some
   * S3-compatible servers accept and overwrite instead, which breaks every compare-and-swap on the
   * store: Lance's version publish and these lock leases alike.
   */
  public boolean honoursConditionalWrites() {
    String probe = "__locks/.conditional-write-probe-" + java.util.UUID.randomUUID();
    try {
      if (!createExclusive(probe, "1")) return false;
      return !createExclusive(probe, "2");
    } finally {
      delete(probe);
    }
  }

  @Override
  public void close() {
    leases.close();
  }

  private OmniGraphException failed(String what, String relativePath, S3Client.Response r) {
    return OmniGraphException.storage("cannot " + what + " " + relativePath + " in " + root() + " (HTTP " + r.status() + ")", null);
  }
}
