package io.omnigraph.engine.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures checked against the worked examples of AWS's SigV4 documentation for S3. */
class SigV4Test {
  private static final SigV4 SIGNER = new SigV4(
      new S3Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null), "us-east-1");
  private static final ZonedDateTime WHEN = ZonedDateTime.of(2013, 5, 24, 0, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void signsABucketSubresourceRequest() {
    Map<String, String> h = SIGNER.sign("GET", URI.create("https://examplebucket.s3.amazonaws.com/?lifecycle"), new byte[0], WHEN);
    assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
        + "Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543", h.get("authorization"));
  }

  @Test
  void signsAListingWithSortedQueryParameters() {
    Map<String, String> h = SIGNER.sign("GET", URI.create("https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J"),
        new byte[0], WHEN);
    assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
        + "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7", h.get("authorization"));
  }
}
