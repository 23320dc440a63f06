package io.omnigraph.engine.storage.s3;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.StoreLock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks on an object store, as leases: a lock is an object created only if absent (a conditional
 * PUT), rewritten by its holder every third of the lease to prove it is alive, and taken over by
 * another process only once it has not been rewritten for a whole lease, by a PUT conditional on the
 * stale version. A holder that dies (SIGKILL included) therefore frees its locks one lease later.
 *
 * <p>Ages are measured on the store's clock (the {@code Last-Modified} of the lease against the
 * {@code Date} of the answer), so the clocks of the processes sharing a graph need not agree. What a
 * lease cannot prove is that its holder is still running when it acts: a holder paused longer than
 * a lease (a stalled VM) may find its lock taken; it then logs that the lease was lost.
 */
final class S3Leases implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(S3Leases.class);

  private final S3Client client;
  private final S3Location location;
  private final Duration lease;
  private final String holder = UUID.randomUUID().toString();
  // Guarded by this; created on the first lock so that read-only handles start no thread.
  private ScheduledExecutorService renewer;

  S3Leases(S3Client client, S3Location location, Duration lease) {
    this.client = client;
    this.location = location;
    this.lease = lease;
  }

  /**
   * The content of one write of a lease. Each write differs (a fresh nonce), so that each has its
   * own ETag: a renewal then defeats a takeover that read the lease before it, since the taker's
   * If-Match names the version it saw. With identical content the ETag (an MD5) would not change.
   */
  private byte[] body() {
    return ("{\"holder\":\"" + holder + "\",\"write\":\"" + UUID.randomUUID() + "\",\"lease_millis\":" + lease.toMillis()
        + "}").getBytes(StandardCharsets.UTF_8);
  }

  Optional<StoreLock> tryLock(String relativePath) {
    String key = location.key(relativePath);
    S3Client.Response created = client.put(key, body(), Map.of("If-None-Match", "*"));
    if (created.ok()) return Optional.of(held(key, created.etag()));
    if (!conditionFailed(created)) throw failed("lock", relativePath, created);

    S3Client.Response current = client.get(key);
    if (current.status() == 404) return Optional.empty(); // released meanwhile: the caller polls again
    if (!current.ok()) throw failed("read lock", relativePath, current);
    if (!expired(current)) return Optional.empty();
    S3Client.Response taken = client.put(key, body(), Map.of("If-Match", current.etag()));
    if (taken.ok()) {
      LOG.info("took over the expired lock {} of {}", relativePath, location.root());
      return Optional.of(held(key, taken.etag()));
    }
    if (conditionFailed(taken) || taken.status() == 404) return Optional.empty();
    throw failed("take over lock", relativePath, taken);
  }

  private StoreLock held(String key, String etag) {
    Lease l = new Lease(key, etag);
    long period = Math.max(1, lease.toMillis() / 3);
    // Under the lease's monitor, so that no renewal runs before it knows its own schedule.
    synchronized (l) {
      l.renewal = renewer().scheduleAtFixedRate(l::renew, period, period, TimeUnit.MILLISECONDS);
    }
    return l;
  }

  private synchronized ScheduledExecutorService renewer() {
    if (renewer == null) {
      renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "omnigraph-lease-renewal " + location.root());
        t.setDaemon(true);
        return t;
      });
    }
    return renewer;
  }

  /** Not rewritten for a whole lease of its holder; Last-Modified has whole seconds, hence the extra one. */
  private static boolean expired(S3Client.Response r) {
    if (r.date() == null || r.lastModified() == null) return false;
    long age = Duration.between(parseDate(r.lastModified()), parseDate(r.date())).toMillis();
    return age > leaseMillis(r.text()) + 1000;
  }

  private static ZonedDateTime parseDate(String http) {
    return ZonedDateTime.parse(http, DateTimeFormatter.RFC_1123_DATE_TIME);
  }

  private static long leaseMillis(String body) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"lease_millis\":(\\d+)").matcher(body);
    // A lease we cannot read is never taken over: better a stuck lock than two holders.
    return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE / 2;
  }

  private static boolean conditionFailed(S3Client.Response r) {
    return r.status() == 412 || r.status() == 409;
  }

  private OmniGraphException failed(String what, String relativePath, S3Client.Response r) {
    return OmniGraphException.storage("cannot " + what + " " + relativePath + " of " + location.root() + " (HTTP "
        + r.status() + ")", null);
  }

  @Override
  public synchronized void close() {
    if (renewer != null) renewer.shutdownNow();
  }

  private final class Lease implements StoreLock {
    private final String key;
    // All guarded by this. etag: the version of the lease object this holder last wrote.
    private String etag;
    private boolean closed;
    private ScheduledFuture<?> renewal;

    Lease(String key, String etag) {
      this.key = key;
      this.etag = etag;
    }

    private synchronized void renew() {
      if (closed) return;
      try {
        S3Client.Response r = client.put(key, body(), Map.of("If-Match", etag));
        if (r.ok()) {
          etag = r.etag();
        } else if (conditionFailed(r) || r.status() == 404) {
          closed = true;
          renewal.cancel(false);
          LOG.warn("lost the lock {} of {}: it was taken over or removed while held", key, location.root());
        }
      } catch (RuntimeException e) {
        // A failed renewal is retried at the next period; the lease survives a few of them.
        LOG.warn("cannot renew the lock {} of {}: {}", key, location.root(), e.getMessage());
      }
    }

    @Override
    public synchronized void close() {
      if (closed) return;
      closed = true;
      if (renewal != null) renewal.cancel(false);
      S3Client.Response now = client.head(key);
      // Only our own version is removed: a lease taken over after we stalled belongs to its new holder.
      if (now.ok() && etag != null && etag.equals(now.etag())) client.delete(key);
    }
  }
}
