package io.omnigraph.engine.storage.s3;

import io.omnigraph.engine.error.OmniGraphException;

/** A graph root {@code s3://bucket/prefix}: the bucket, and the key prefix without slashes around it. */
public record S3Location(String bucket, String prefix) {
  public S3Location {
    if (bucket == null || bucket.isEmpty()) throw OmniGraphException.badInput("an s3:// location needs a bucket");
  }

  /** True when {@code location} names an S3 (or S3-compatible) object store. */
  public static boolean isS3(String location) {
    return location.regionMatches(true, 0, "s3://", 0, 5);
  }

  public static S3Location parse(String location) {
    if (!isS3(location)) throw OmniGraphException.badInput("not an s3:// location: " + location);
    String rest = location.substring(5);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    while (prefix.endsWith("/")) prefix = prefix.substring(0, prefix.length() - 1);
    return new S3Location(bucket, prefix);
  }

  /** The object key of a path relative to the graph root. */
  public String key(String relativePath) {
    return prefix.isEmpty() ? relativePath : prefix + "/" + relativePath;
  }

  /** The location as Lance takes it. */
  public String uri(String relativePath) {
    return "s3://" + bucket + "/" + key(relativePath);
  }

  public String root() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }
}
