package io.omnigraph.engine.storage;

import io.omnigraph.engine.storage.s3.S3Location;
import io.omnigraph.engine.storage.s3.S3ObjectStore;
import java.nio.file.Path;

/** Picks the {@link ObjectStore} a graph location names. */
public final class ObjectStores {
  private ObjectStores() {}

  /** A local path or {@code file:} URI, or {@code s3://bucket/prefix}. */
  public static ObjectStore forLocation(String location, StorageOptions options) {
    if (S3Location.isS3(location)) return new S3ObjectStore(location, options);
    String path = location.startsWith("file:") ? java.net.URI.create(location).getPath() : location;
    if (path.contains("://")) {
      throw new io.omnigraph.engine.error.OmniGraphException(io.omnigraph.engine.error.ErrorKind.UNSUPPORTED,
          "unsupported graph location " + location + ": use a local path or s3://bucket/prefix");
    }
    return new LocalObjectStore(Path.of(path));
  }
}
