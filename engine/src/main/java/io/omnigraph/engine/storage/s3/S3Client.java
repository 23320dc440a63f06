package io.omnigraph.engine.storage.s3;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.StorageOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The few S3 requests the engine makes itself (its small files and lock leases), signed with SigV4
 * over the JDK's HTTP client. Everything else on the store is Lance's. Settings come from the same
 * options Lance gets, with the same environment fallbacks.
 */
final class S3Client {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** One answer: status, headers we use, body. */
  record Response(int status, String etag, String date, String lastModified, byte[] body) {
    boolean ok() {
      return status / 100 == 2;
    }

    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final String bucket;
  private final URI endpoint;
  private final boolean virtualHosted;
  private final SigV4 signer;
  private final HttpClient http;
  private final String describe;

  S3Client(S3Location location, StorageOptions options) {
    this.bucket = location.bucket();
    this.describe = location.root();
    String region = options.get("aws_region", "AWS_REGION", "AWS_DEFAULT_REGION").orElse("us-east-1");
    Optional<String> endpointOption = options.get("aws_endpoint", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "AWS_ENDPOINT");
    boolean allowHttp = Boolean.parseBoolean(options.get("allow_http", "AWS_ALLOW_HTTP").orElse("false"));
    String endpointText = endpointOption.orElse("https://s3." + region + ".amazonaws.com");
    this.endpoint = URI.create(endpointText.endsWith("/") ? endpointText.substring(0, endpointText.length() - 1) : endpointText);
    if ("http".equalsIgnoreCase(endpoint.getScheme()) && !allowHttp) {
      throw OmniGraphException.badInput("the object store endpoint " + endpointText
          + " is plain http: set storage.allow_http=true to allow it");
    }
    // Path-style requests unless told otherwise, as Lance makes its own.
    this.virtualHosted = Boolean.parseBoolean(options.get("aws_virtual_hosted_style_request",
        "AWS_VIRTUAL_HOSTED_STYLE_REQUEST").orElse("false"));
    String key = options.get("aws_access_key_id", "AWS_ACCESS_KEY_ID").orElse(null);
    String secret = options.get("aws_secret_access_key", "AWS_SECRET_ACCESS_KEY").orElse(null);
    if (key == null || secret == null) {
      throw OmniGraphException.badInput("no credentials for " + describe
          + ": set storage.aws_access_key_id and storage.aws_secret_access_key (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
    }
    String token = options.get("aws_session_token", "AWS_SESSION_TOKEN").orElse(null);
    this.signer = new SigV4(new S3Credentials(key, secret, token), region);
    // HTTP/1.1: the JDK's default would offer an HTTP/2 upgrade on plain http, which S3 servers do not speak.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  Response get(String key) {
    return send("GET", objectUri(key, null), Map.of(), new byte[0]);
  }

  Response head(String key) {
    return send("HEAD", objectUri(key, null), Map.of(), new byte[0]);
  }

  Response put(String key, byte[] body, Map<String, String> conditions) {
    return send("PUT", objectUri(key, null), conditions, body);
  }

  Response delete(String key) {
    return send("DELETE", objectUri(key, null), Map.of(), new byte[0]);
  }

  /** One page of ListObjectsV2 under {@code prefix}, grouped at '/'. */
  Response list(String prefix, String continuation, int maxKeys) {
    Map<String, String> q = new java.util.TreeMap<>();
    q.put("delimiter", "/");
    q.put("list-type", "2");
    q.put("max-keys", String.valueOf(maxKeys));
    q.put("prefix", prefix);
    if (continuation != null) q.put("continuation-token", continuation);
    StringBuilder query = new StringBuilder();
    q.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(SigV4.encode(v, false)));
    return send("GET", objectUri("", query.toString()), Map.of(), new byte[0]);
  }

  private URI objectUri(String key, String query) {
    String base = endpoint.toString();
    String path;
    if (virtualHosted) {
      base = endpoint.getScheme() + "://" + bucket + "." + endpoint.getRawAuthority();
      path = "/" + SigV4.encode(key, true);
    } else {
      path = "/" + bucket + "/" + SigV4.encode(key, true);
    }
    return URI.create(base + path + (query == null ? "" : "?" + query));
  }

  private Response send(String method, URI uri, Map<String, String> headers, byte[] body) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(signer.sign(method, uri, body, ZonedDateTime.now()));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    all.forEach(b::header);
    HttpResponse<byte[]> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw OmniGraphException.unreachable("cannot reach the object store of " + describe + " at " + endpoint + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw OmniGraphException.storage("interrupted while talking to the object store of " + describe, e);
    }
    Response res = new Response(r.statusCode(), r.headers().firstValue("etag").orElse(null),
        r.headers().firstValue("date").orElse(null), r.headers().firstValue("last-modified").orElse(null), r.body());
    if (res.status() == 403 || res.status() == 401) {
      throw OmniGraphException.unreachable("the object store refused access to " + describe + " (HTTP " + res.status()
          + "): check the credentials and the bucket policy" + errorDetail(res), null);
    }
    if (res.status() == 404 && res.text().contains("NoSuchBucket")) {
      throw OmniGraphException.unreachable("the bucket of " + describe + " does not exist", null);
    }
    if (res.status() >= 500) {
      throw OmniGraphException.storage("the object store failed " + method + " " + uri.getRawPath() + " for " + describe
          + " (HTTP " + res.status() + ")" + errorDetail(res), null);
    }
    return res;
  }

  private static String errorDetail(Response r) {
    String t = r.text();
    int a = t.indexOf("<Code>");
    int z = t.indexOf("</Code>");
    return a >= 0 && z > a ? ": " + t.substring(a + 6, z) : "";
  }

  String describe() {
    return describe;
  }
}
