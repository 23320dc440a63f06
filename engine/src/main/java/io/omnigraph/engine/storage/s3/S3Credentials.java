package io.omnigraph.engine.storage.s3;

/** An access key pair, and the session token of temporary credentials (or null). */
record S3Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
  @Override
  public String toString() {
    return "S3Credentials[" + accessKeyId + "]";
  }
}
