package io.omnigraph.engine.storage.s3;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** AWS Signature Version 4 for S3 requests: the headers that authenticate one request. */
final class SigV4 {
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final HexFormat HEX = HexFormat.of();

  private final S3Credentials credentials;
  private final String region;

  SigV4(S3Credentials credentials, String region) {
    this.credentials = credentials;
    this.region = region;
  }

  /**
   * The headers to add to a request: {@code x-amz-date}, {@code x-amz-content-sha256}, the session
   * token if any, and {@code Authorization} over those plus {@code host}. Other headers (the
   * conditions of a conditional PUT) travel unsigned, which SigV4 allows: some S3-compatible
   * servers compute their canonical form differently. {@code uri} must already be encoded, as sent.
   */
  Map<String, String> sign(String method, URI uri, byte[] body, ZonedDateTime now) {
    String amzDate = now.withZoneSameInstant(ZoneOffset.UTC).format(AMZ_DATE);
    String day = amzDate.substring(0, 8);
    String payloadHash = HEX.formatHex(sha256(body));
    TreeMap<String, String> signed = new TreeMap<>();
    signed.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    signed.put("x-amz-date", amzDate);
    signed.put("x-amz-content-sha256", payloadHash);
    if (credentials.sessionToken() != null) signed.put("x-amz-security-token", credentials.sessionToken());

    StringBuilder canonicalHeaders = new StringBuilder();
    signed.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
    String signedNames = String.join(";", signed.keySet());
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery(uri.getRawQuery()) + "\n"
        + canonicalHeaders + "\n" + signedNames + "\n" + payloadHash;
    String scope = day + "/" + region + "/s3/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
        + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, region);
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    String signature = HEX.formatHex(hmac(key, toSign));

    TreeMap<String, String> out = new TreeMap<>(signed);
    out.remove("host"); // the HTTP client sets it from the URI, and refuses to be told
    out.put("authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/" + scope
        + ", SignedHeaders=" + signedNames + ", Signature=" + signature);
    return out;
  }

  /** Query parameters sorted by name, as sent (already percent-encoded); a bare name gets an empty value. */
  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) return "";
    TreeMap<String, String> params = new TreeMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
    }
    StringBuilder b = new StringBuilder();
    params.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(k).append('=').append(v));
    return b.toString();
  }

  /** Percent-encodes as S3 expects: unreserved characters stay, '/' stays only in paths. */
  static String encode(String s, boolean keepSlash) {
    StringBuilder b = new StringBuilder();
    for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (by & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~' || (keepSlash && c == '/')) {
        b.append(c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit((by >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(by & 0xf, 16)));
      }
    }
    return b.toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no HmacSHA256", e);
    }
  }
}
